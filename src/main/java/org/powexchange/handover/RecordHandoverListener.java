package org.powexchange.handover;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.people.Side;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The handover officer's confirmation of who crossed in each direction, from Tasklist or the bulk API:
 * only people scheduled in this phase, on the right side, may be confirmed.
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
        return Set.of(HandoverProcess.CROSSED_HOME, HandoverProcess.CROSSED_RELEASED, HandoverProcess.HANDOVER_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        UUID exchangeId = HandoverInputs.exchangeId(task);
        int phaseNo = HandoverInputs.phaseNo(task);
        FormInput in = FormInput.of(task);
        Set<Long> home = checked(in.ids(HandoverProcess.CROSSED_HOME),
                handover.scheduled(exchangeId, phaseNo, Side.BRING_HOME), HandoverProcess.CROSSED_HOME);
        Set<Long> released = checked(in.ids(HandoverProcess.CROSSED_RELEASED),
                handover.scheduled(exchangeId, phaseNo, Side.RELEASE), HandoverProcess.CROSSED_RELEASED);
        String remark = in.text(HandoverProcess.HANDOVER_COMMENT, 2000, false);
        handover.confirm(exchangeId, phaseNo, home, released, user.id(), remark);
    }

    private static Set<Long> checked(List<Long> ids, Set<Long> allowed, String field) {
        Set<Long> out = new HashSet<>();
        for (Long id : ids) {
            if (!allowed.contains(id)) {
                throw FormInput.invalid(field, "person " + id + " is not scheduled on this side in this phase");
            }
            if (!out.add(id)) {
                throw FormInput.invalid(field, "person " + id + " is confirmed twice");
            }
        }
        return out;
    }
}
