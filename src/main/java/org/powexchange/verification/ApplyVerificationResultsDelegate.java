package org.powexchange.verification;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.springframework.stereotype.Component;

/** "Apply the verification results": the verified go forward, whoever failed is held back with the reason. */
@Component("applyVerificationResults")
public class ApplyVerificationResultsDelegate implements JavaDelegate {

    private final ListEntryRepository entries;
    private final VerificationRepository results;

    public ApplyVerificationResultsDelegate(ListEntryRepository entries, VerificationRepository results) {
        this.entries = entries;
        this.results = results;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int verified = 0;
        int failed = 0;
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().status() != EntryStatus.AWAITING_VERIFICATION) {
                continue;
            }
            var result = results.find(exchangeId, r.person().id()).orElseThrow(() -> new IllegalStateException(
                    "no verification result for person " + r.person().id()));
            if (result.outcome() == VerificationOutcome.VERIFIED) {
                entries.setStatus(r.entry().id(), EntryStatus.VERIFIED, null);
                verified++;
            } else {
                entries.setStatus(r.entry().id(), EntryStatus.FAILED_VERIFICATION, result.outcome().name());
                failed++;
            }
        }
        execution.setVariable("verifiedCount", verified);
        execution.setVariable("failedCount", failed);
    }
}
