package org.powexchange.handover;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * "Record the other side's manifest" (Staff or the neutral party): who of ours the other side brought; the
 * Staff alone may hold back people we hold for recorded criminal proceedings (art. 119).
 */
@Component("recordManifest")
public class RecordManifestListener implements TaskFormHandler {

    private final HandoverService handover;
    private final CurrentUser user;

    public RecordManifestListener(HandoverService handover, CurrentUser user) {
        this.handover = handover;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.BROUGHT_HOME, HandoverProcess.HELD_FOR_PROCEEDINGS, HandoverProcess.MANIFEST_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        List<Long> brought = in.ids(HandoverProcess.BROUGHT_HOME);
        List<Long> held = in.ids(HandoverProcess.HELD_FOR_PROCEEDINGS);
        in.text(HandoverProcess.MANIFEST_COMMENT, 2000, false);
        CurrentUser.Caller caller = user.caller();
        if (!held.isEmpty() && (caller == null || !caller.in(Groups.COORDINATION_STAFF))) {
            throw FormInput.invalid(HandoverProcess.HELD_FOR_PROCEEDINGS,
                    "only the Coordination Staff holds back people for criminal proceedings");
        }
        try {
            HandoverService.ManifestOutcome o = handover.recordManifest(HandoverInputs.exchangeId(task),
                    HandoverInputs.phaseNo(task), brought, held, user.id());
            task.getExecution().setVariable(HandoverProcess.THEIR_SHORTFALL, o.theirShortfall());
        } catch (Refusal e) {
            throw FormInput.invalid("heldForProceedings".equals(e.field()) ? HandoverProcess.HELD_FOR_PROCEEDINGS
                    : HandoverProcess.BROUGHT_HOME, e.getMessage());
        }
    }
}
