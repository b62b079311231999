package org.powexchange.handover;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The Staff's decision on an unbalanced phase, with its reason, on the record. */
@Component("recordDiscrepancyDecision")
public class RecordDiscrepancyDecisionListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordDiscrepancyDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.DISCREPANCY_DECISION, HandoverProcess.DISCREPANCY_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(HandoverProcess.DISCREPANCY_DECISION, Set.of("ACCEPT", "ESCALATE"));
        String comment = in.text(HandoverProcess.DISCREPANCY_COMMENT, 2000, true);
        audit.record(UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)), user.id(),
                "DISCREPANCY_" + decision, "phase " + task.getVariable(ExchangeProcess.VAR_PHASE_NO), comment);
    }
}
