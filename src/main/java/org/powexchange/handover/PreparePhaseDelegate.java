package org.powexchange.handover;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.Phase;
import org.powexchange.exchange.PhaseRepository;
import org.springframework.stereotype.Component;

/** "Prepare the phase": marks it in progress and arms its warning and deadline timers with the planned due time. */
@Component("preparePhase")
public class PreparePhaseDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final PhaseClockService clock;

    public PreparePhaseDelegate(PhaseRepository phases, PhaseClockService clock) {
        this.phases = phases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = HandoverInputs.exchangeId(execution);
        int phaseNo = HandoverInputs.phaseNo(execution);
        Phase phase = clock.phase(exchangeId, phaseNo);
        phases.start(exchangeId, phaseNo);
        execution.setVariable(HandoverProcess.PHASE_DUE_AT, Date.from(phase.dueAt().toInstant()));
        execution.setVariable(HandoverProcess.PHASE_WARN_AT, Date.from(clock.warnAt(phase.dueAt()).toInstant()));
    }
}
