package org.powexchange.handover;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/**
 * "Follow-up handed to the exchange": tells the exchange that this phase crossed and closed, so that its
 * follow-up (families, medical intake, refusals) starts there beside the later phases instead of holding
 * up the next phase. Only ids and counts travel.
 */
@Component("announcePhaseClosed")
public class AnnouncePhaseClosedDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    public AnnouncePhaseClosedDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution exchange = execution.getProcessInstance().getSuperExecution();
        if (exchange == null) {
            throw new IllegalStateException("phase-handover runs only as a phase of an exchange");
        }
        Object refused = execution.getVariable(HandoverProcess.REFUSED_COUNT);
        runtime.createMessageCorrelation(HandoverProcess.MSG_PHASE_CLOSED)
                .processInstanceId(exchange.getProcessInstanceId())
                .setVariablesLocal(Variables.createVariables()
                        .putValue(ExchangeProcess.VAR_PHASE_NO, HandoverInputs.phaseNo(execution))
                        .putValue(HandoverProcess.RETURNED_COUNT, execution.getVariable(HandoverProcess.RETURNED_COUNT))
                        .putValue(HandoverProcess.RETURNED_WOUNDED_COUNT,
                                execution.getVariable(HandoverProcess.RETURNED_WOUNDED_COUNT))
                        .putValue(HandoverProcess.REFUSED_COUNT, refused == null ? 0 : refused)
                        .putValue(HandoverProcess.FAMILIES_TO_NOTIFY,
                                execution.getVariable(HandoverProcess.FAMILIES_TO_NOTIFY)))
                .correlateWithResult();
    }
}
