package org.powexchange.verification;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** "Decide on late verification results": wait again for the neutral party, or proceed without the missing results. */
@Component("recordLateVerificationDecision")
public class RecordLateVerificationDecisionListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordLateVerificationDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(VerificationProcess.LATE_DECISION, VerificationProcess.LATE_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(VerificationProcess.LATE_DECISION,
                Set.of(VerificationProcess.LATE_WAIT, VerificationProcess.LATE_PROCEED));
        String comment = in.text(VerificationProcess.LATE_COMMENT, 2000, true);
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        audit.record(exchangeId, user.id(), "LATE_VERIFICATION_" + decision, null, comment);
        task.getExecution().getProcessInstance().setVariable(VerificationProcess.LATE_DECISION, decision);
    }
}
