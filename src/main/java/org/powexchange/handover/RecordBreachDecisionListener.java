package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The Staff's decision after a phase deadline passed: continue, renegotiate (with the new agreed time,
 * which re-arms the clock) or suspend, with the reason.
 */
@Component("recordBreachDecision")
public class RecordBreachDecisionListener implements TaskFormHandler {

    private final PhaseClockService clock;
    private final CurrentUser user;

    public RecordBreachDecisionListener(PhaseClockService clock, CurrentUser user) {
        this.clock = clock;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.BREACH_DECISION, HandoverProcess.BREACH_COMMENT, HandoverProcess.NEW_DUE_AT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(HandoverProcess.BREACH_DECISION,
                Set.of(PhaseClockService.CONTINUE, PhaseClockService.RENEGOTIATE, PhaseClockService.SUSPEND));
        String comment = in.text(HandoverProcess.BREACH_COMMENT, 2000, true);
        OffsetDateTime newDue = null;
        if (PhaseClockService.RENEGOTIATE.equals(decision)) {
            newDue = in.dateTime(HandoverProcess.NEW_DUE_AT, true);
            if (!newDue.isAfter(OffsetDateTime.now())) {
                throw FormInput.invalid(HandoverProcess.NEW_DUE_AT, "the renegotiated time must lie in the future");
            }
        }
        OffsetDateTime due = clock.decide(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task), decision,
                comment, newDue, user.id());
        task.getExecution().setVariable(HandoverProcess.PHASE_DUE_AT, Date.from(due.toInstant()));
        task.getExecution().setVariable(HandoverProcess.PHASE_WARN_AT, Date.from(clock.warnAt(due).toInstant()));
    }
}
