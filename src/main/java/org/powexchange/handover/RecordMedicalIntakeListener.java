package org.powexchange.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Medical intake of the returned seriously wounded and sick (Ministry of Defence). */
@Component("recordMedicalIntake")
public class RecordMedicalIntakeListener implements TaskFormHandler {

    private final AfterPhaseService after;
    private final CurrentUser user;

    public RecordMedicalIntakeListener(AfterPhaseService after, CurrentUser user) {
        this.after = after;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.MEDICAL_FACILITY, HandoverProcess.MEDICAL_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        after.medicalIntake(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task),
                in.text(HandoverProcess.MEDICAL_FACILITY, 200, true), in.text(HandoverProcess.MEDICAL_COMMENT, 2000, false),
                user.id());
    }
}
