package org.powexchange.handover;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.exchange.PhaseRepository;
import org.springframework.stereotype.Component;

/** "Close the phase". */
@Component("closePhase")
public class ClosePhaseDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final AuditLog audit;

    public ClosePhaseDelegate(PhaseRepository phases, AuditLog audit) {
        this.phases = phases;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int phaseNo = ((Number) execution.getVariable(ExchangeProcess.VAR_PHASE_NO)).intValue();
        phases.complete(exchangeId, phaseNo);
        audit.record(exchangeId, "system", "PHASE_COMPLETED", "phase " + phaseNo, null);
    }
}
