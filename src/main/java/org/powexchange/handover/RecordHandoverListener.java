package org.powexchange.handover;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * The handover officer's confirmation of who crossed in each direction and who refused at the crossing,
 * from Tasklist or the bulk API; the rules (manifest first, consent, never held back and crossed) are the
 * service's, its refusals become form errors on the field they name.
 */
@Component("recordHandover")
public class RecordHandoverListener implements TaskFormHandler {

    private final HandoverService handover;
    private final CurrentUser user;

    public RecordHandoverListener(HandoverService handover, CurrentUser user) {
        this.handover = handover;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.CROSSED_HOME, HandoverProcess.CROSSED_RELEASED, HandoverProcess.REFUSED_AT_CROSSING,
                HandoverProcess.HANDOVER_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        UUID exchangeId = HandoverInputs.exchangeId(task);
        int phaseNo = HandoverInputs.phaseNo(task);
        FormInput in = FormInput.of(task);
        String remark = in.text(HandoverProcess.HANDOVER_COMMENT, 2000, false);
        try {
            HandoverService.Outcome o = handover.confirm(exchangeId, phaseNo, in.ids(HandoverProcess.CROSSED_HOME),
                    in.ids(HandoverProcess.CROSSED_RELEASED), in.ids(HandoverProcess.REFUSED_AT_CROSSING), user.id(),
                    remark);
            task.getExecution().setVariable(HandoverProcess.REFUSED_COUNT, o.refused().size());
        } catch (Refusal e) {
            throw FormInput.invalid(field(e.field()), e.getMessage());
        }
    }

    /** The form field behind a field named by the service (API names). */
    static String field(String apiField) {
        if ("received".equals(apiField)) {
            return HandoverProcess.CROSSED_HOME;
        }
        if ("refused".equals(apiField)) {
            return HandoverProcess.REFUSED_AT_CROSSING;
        }
        return HandoverProcess.CROSSED_RELEASED;
    }
}
