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

/** "Decide on the shortfall": a smaller phase on both sides, or wait for new lists from the other side. */
@Component("recordShortfallDecision")
public class RecordShortfallDecisionListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordShortfallDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(VerificationProcess.SHORTFALL_DECISION, VerificationProcess.SHORTFALL_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(VerificationProcess.SHORTFALL_DECISION,
                Set.of(VerificationProcess.SHORTFALL_SMALLER, VerificationProcess.SHORTFALL_WAIT));
        String comment = in.text(VerificationProcess.SHORTFALL_COMMENT, 2000, true);
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        audit.record(exchangeId, user.id(), "SHORTFALL_" + decision, null, comment);
        task.getExecution().getProcessInstance().setVariable(VerificationProcess.SHORTFALL_DECISION, decision);
    }
}
