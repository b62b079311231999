package org.powexchange.handover;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The ombudsman notified the families of everyone returned in the phase, except those named as not reached. */
@Component("recordFamilyNotification")
public class RecordFamilyNotificationListener implements TaskFormHandler {

    private final AfterPhaseService after;
    private final HandoverRepository records;
    private final CurrentUser user;

    public RecordFamilyNotificationListener(AfterPhaseService after, HandoverRepository records, CurrentUser user) {
        this.after = after;
        this.records = records;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.UNREACHED_FAMILIES, HandoverProcess.NOTIFICATION_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        UUID exchangeId = HandoverInputs.exchangeId(task);
        int phaseNo = HandoverInputs.phaseNo(task);
        FormInput in = FormInput.of(task);
        List<Long> unreached = in.ids(HandoverProcess.UNREACHED_FAMILIES);
        Set<Long> returned = new HashSet<>();
        records.notifications(exchangeId, phaseNo).forEach(n -> returned.add(n.personId()));
        for (Long id : unreached) {
            if (!returned.contains(id)) {
                throw FormInput.invalid(HandoverProcess.UNREACHED_FAMILIES, "person " + id + " did not return in this phase");
            }
        }
        String comment = in.text(HandoverProcess.NOTIFICATION_COMMENT, 2000, !unreached.isEmpty());
        after.familiesNotified(exchangeId, phaseNo, unreached, comment, user.id());
    }
}
