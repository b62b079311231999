package org.powexchange.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Plan the handover phases": runs once the agreement is ratified and the clock has started. */
@Component("planPhases")
public class PlanPhasesDelegate implements JavaDelegate {

    private final PhasePlanner planner;

    public PlanPhasesDelegate(PhasePlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int count = planner.plan(ExchangeProcess.exchangeId(execution));
        execution.setVariable(ExchangeProcess.VAR_PHASE_COUNT, count);
    }
}
