package org.powexchange.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close the phase": the returned are repatriated; counts decide whether families and medical intake follow (families also of those held back or not exchanged). */
@Component("closePhase")
public class ClosePhaseDelegate implements JavaDelegate {

    private final AfterPhaseService after;

    public ClosePhaseDelegate(AfterPhaseService after) {
        this.after = after;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AfterPhaseService.Closed c = after.close(HandoverInputs.exchangeId(execution), HandoverInputs.phaseNo(execution));
        execution.setVariable(HandoverProcess.RETURNED_COUNT, c.returned());
        execution.setVariable(HandoverProcess.RETURNED_WOUNDED_COUNT, c.returnedWounded());
        execution.setVariable(HandoverProcess.FAMILIES_TO_NOTIFY, c.familiesToNotify());
    }
}
