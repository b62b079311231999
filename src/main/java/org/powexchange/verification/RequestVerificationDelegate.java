package org.powexchange.verification;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.springframework.stereotype.Component;

/** "Request verification from the neutral party": every proposed person now awaits the neutral party. */
@Component("requestVerification")
public class RequestVerificationDelegate implements JavaDelegate {

    private final ListEntryRepository entries;
    private final AuditLog audit;

    public RequestVerificationDelegate(ListEntryRepository entries, AuditLog audit) {
        this.entries = entries;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int n = entries.moveAll(exchangeId, List.of(EntryStatus.PROPOSED), EntryStatus.AWAITING_VERIFICATION);
        execution.setVariable("awaitingVerificationCount", n);
        audit.record(exchangeId, "system", "VERIFICATION_REQUESTED", n + " people", null);
    }
}
