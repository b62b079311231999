package org.powexchange.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The Staff's follow-up of people who refused at the crossing (art. 109(3)), on the record. */
@Component("recordRefusalFollowUp")
public class RecordRefusalFollowUpListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordRefusalFollowUpListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.REFUSAL_FOLLOW_UP);
    }

    @Override
    public void notify(DelegateTask task) {
        String text = FormInput.of(task).text(HandoverProcess.REFUSAL_FOLLOW_UP, 2000, true);
        audit.record(HandoverInputs.exchangeId(task), user.id(), "REFUSAL_AT_CROSSING_FOLLOWED_UP",
                "phase " + HandoverInputs.phaseNo(task), task.getVariable(HandoverProcess.REFUSED_COUNT)
                        + " refused at the crossing; " + text);
    }
}
