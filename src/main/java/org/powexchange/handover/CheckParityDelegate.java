package org.powexchange.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Check the parity of the phase". */
@Component("checkParity")
public class CheckParityDelegate implements JavaDelegate {

    private final HandoverService handover;

    public CheckParityDelegate(HandoverService handover) {
        this.handover = handover;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoverService.ParityCheck p = handover.checkParity(
                ExchangeProcess.exchangeId(execution),
                ((Number) execution.getVariable(ExchangeProcess.VAR_PHASE_NO)).intValue());
        execution.setVariable(HandoverProcess.RECEIVED_COUNT, p.received());
        execution.setVariable(HandoverProcess.HANDED_OVER_COUNT, p.handedOver());
        execution.setVariable(HandoverProcess.PARITY_HOLDS, p.holds());
    }
}
