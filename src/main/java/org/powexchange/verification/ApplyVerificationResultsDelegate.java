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

    private final ReplacementService replacement;
    private final ListEntryRepository entries;

    public ApplyVerificationResultsDelegate(ReplacementService replacement, ListEntryRepository entries) {
        this.replacement = replacement;
        this.entries = entries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        ReplacementService.Applied a = replacement.apply(exchangeId);
        // totals over all rounds, for Cockpit and the main process; the reasons of this round as counts
        var counts = entries.counts(exchangeId);
        int verified = counts.values().stream().mapToInt(m -> m.getOrDefault(EntryStatus.VERIFIED, 0)).sum();
        int failed = counts.values().stream().mapToInt(m -> m.getOrDefault(EntryStatus.FAILED_VERIFICATION, 0)).sum();
        execution.setVariable(VerificationProcess.VAR_VERIFIED, verified);
        execution.setVariable(VerificationProcess.VAR_FAILED, failed);
        execution.setVariable(VerificationProcess.VAR_FAILED_REASONS, a.failedReasons());
    }
}
