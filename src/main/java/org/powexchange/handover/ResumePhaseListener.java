package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** "Resume the suspended phase": the new agreed time re-arms the clock; later phases move by the same delay. */
@Component("resumePhase")
public class ResumePhaseListener implements TaskFormHandler {

    private final PhaseClockService clock;
    private final CurrentUser user;

    public ResumePhaseListener(PhaseClockService clock, CurrentUser user) {
        this.clock = clock;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.RESUME_AT, HandoverProcess.RESUME_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        OffsetDateTime at = FormInput.of(task).dateTime(HandoverProcess.RESUME_AT, true);
        if (!at.isAfter(OffsetDateTime.now())) {
            throw FormInput.invalid(HandoverProcess.RESUME_AT, "the new time must lie in the future");
        }
        String comment = FormInput.of(task).text(HandoverProcess.RESUME_COMMENT, 2000, false);
        OffsetDateTime due = clock.resume(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task), at, comment, user.id());
        task.getExecution().setVariable(HandoverProcess.PHASE_DUE_AT, Date.from(due.toInstant()));
        task.getExecution().setVariable(HandoverProcess.PHASE_WARN_AT, Date.from(clock.warnAt(due).toInstant()));
    }
}
