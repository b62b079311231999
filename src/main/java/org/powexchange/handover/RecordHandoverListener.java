package org.powexchange.handover;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.people.Side;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The handover officer's confirmation: only people scheduled in this phase, on the right side, may be ticked. */
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
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int phaseNo = ((Number) task.getVariable(ExchangeProcess.VAR_PHASE_NO)).intValue();
        FormInput in = FormInput.of(task);
        Set<Long> crossed = new HashSet<>();
        crossed.addAll(checked(in.ids(HandoverProcess.CROSSED_HOME), handover.scheduled(exchangeId, phaseNo,
                Side.BRING_HOME), HandoverProcess.CROSSED_HOME));
        crossed.addAll(checked(in.ids(HandoverProcess.CROSSED_RELEASED), handover.scheduled(exchangeId, phaseNo,
                Side.RELEASE), HandoverProcess.CROSSED_RELEASED));
        String remark = in.text(HandoverProcess.HANDOVER_COMMENT, 2000, false);
        handover.confirm(exchangeId, phaseNo, crossed, user.id(), remark);
    }

    private static List<Long> checked(List<Long> ids, Set<Long> allowed, String field) {
        for (Long id : ids) {
            if (!allowed.contains(id)) {
                throw FormInput.invalid(field, "person " + id + " is not scheduled on this side in this phase");
            }
        }
        return ids;
    }
}
