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

/** The Staff acknowledges the 36-hour warning and records what is being done before the deadline. */
@Component("recordWarningAcknowledged")
public class RecordWarningAcknowledgedListener implements TaskFormHandler {

    static final String WARNING_ACTION = "warningAction";

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordWarningAcknowledgedListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(WARNING_ACTION);
    }

    @Override
    public void notify(DelegateTask task) {
        String action = FormInput.of(task).text(WARNING_ACTION, 2000, true);
        audit.record(UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)), user.id(),
                "DEADLINE_WARNING_ACKNOWLEDGED", "phase " + task.getVariable(ExchangeProcess.VAR_PHASE_NO), action);
    }
}
