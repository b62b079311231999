package org.powexchange.handover;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.exchange.Phase;
import org.powexchange.exchange.PhaseRepository;
import org.springframework.stereotype.Component;

/** "Prepare the phase": marks it in progress and arms its deadline timer with the planned due time. */
@Component("preparePhase")
public class PreparePhaseDelegate implements JavaDelegate {

    private final PhaseRepository phases;

    public PreparePhaseDelegate(PhaseRepository phases) {
        this.phases = phases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int phaseNo = ((Number) execution.getVariable(ExchangeProcess.VAR_PHASE_NO)).intValue();
        Phase phase = phases.find(exchangeId, phaseNo).orElseThrow(() -> new IllegalStateException(
                "phase " + phaseNo + " of exchange " + exchangeId + " was not planned"));
        phases.start(exchangeId, phaseNo);
        execution.setVariable(HandoverProcess.PHASE_DUE_AT, Date.from(phase.dueAt().toInstant()));
    }
}
