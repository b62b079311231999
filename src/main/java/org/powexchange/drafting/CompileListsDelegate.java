package org.powexchange.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Compile the lists": ranks the candidates and proposes both lists; the counts go to the drafter's form. */
@Component("compileLists")
public class CompileListsDelegate implements JavaDelegate {

    private final DraftingService drafting;

    public CompileListsDelegate(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DraftingService.Compiled c = drafting.compile(
                ExchangeProcess.exchangeId(execution));
        execution.setVariable(DraftingProcess.CANDIDATE_COUNT, c.candidates());
        execution.setVariable(DraftingProcess.BRING_HOME_COUNT, c.bringHome());
        execution.setVariable(DraftingProcess.RELEASE_COUNT, c.release());
        execution.setVariable(DraftingProcess.ART109_COUNT, c.art109());
        execution.setVariable(DraftingProcess.FLAGGED_COUNT, c.flagged());
        execution.setVariable(DraftingProcess.TRACKED_COUNT, c.tracked());
        // a previous "send back" must not decide the next round
        execution.removeVariable(DraftingProcess.LISTS_DECISION);
    }
}
