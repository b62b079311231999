package org.powexchange.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Warn the Coordination Staff": the phase is close to its deadline (36 hours after ratification for phase 1). */
@Component("warnDeadline")
public class WarnDeadlineDelegate implements JavaDelegate {

    private final PhaseClockService clock;

    public WarnDeadlineDelegate(PhaseClockService clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.warn(HandoverInputs.exchangeId(execution), HandoverInputs.phaseNo(execution));
    }
}
