package org.powexchange.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the breached deadline": the phase is overdue; the Staff's decision follows. */
@Component("recordBreach")
public class RecordBreachDelegate implements JavaDelegate {

    private final PhaseClockService clock;

    public RecordBreachDelegate(PhaseClockService clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.breach(HandoverInputs.exchangeId(execution), HandoverInputs.phaseNo(execution));
    }
}
