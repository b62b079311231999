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

/** The Staff's decision after a phase deadline passed: continue, renegotiate or suspend, with the reason. */
@Component("recordBreachDecision")
public class RecordBreachDecisionListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordBreachDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.BREACH_DECISION, HandoverProcess.BREACH_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(HandoverProcess.BREACH_DECISION, Set.of("CONTINUE", "RENEGOTIATE", "SUSPEND"));
        String comment = in.text(HandoverProcess.BREACH_COMMENT, 2000, true);
        audit.record(UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)), user.id(),
                "DEADLINE_BREACH_" + decision, "phase " + task.getVariable(ExchangeProcess.VAR_PHASE_NO), comment);
    }
}
