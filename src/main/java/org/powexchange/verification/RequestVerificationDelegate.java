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

/**
 * "Request verification from the neutral party": every proposed person now awaits the neutral party,
 * in a new round with its own deadline. The request itself is the external task that follows.
 */
@Component("requestVerification")
public class RequestVerificationDelegate implements JavaDelegate {

    private final ListEntryRepository entries;
    private final VerificationProperties properties;
    private final AuditLog audit;

    public RequestVerificationDelegate(ListEntryRepository entries, VerificationProperties properties, AuditLog audit) {
        this.entries = entries;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        Object previous = execution.getVariable(VerificationProcess.VAR_ROUND);
        int round = previous instanceof Number n ? n.intValue() + 1 : 1;
        int n = entries.moveAll(exchangeId, List.of(EntryStatus.PROPOSED), EntryStatus.AWAITING_VERIFICATION);
        execution.setVariable(VerificationProcess.VAR_ROUND, round);
        execution.setVariable(VerificationProcess.VAR_AWAITING, n);
        execution.setVariable(VerificationProcess.VAR_DEADLINE, properties.deadline().toString());
        audit.record(exchangeId, "system", "VERIFICATION_REQUESTED", n + " people", "round " + round
                + ", deadline " + properties.deadline());
    }
}
