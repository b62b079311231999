package org.powexchange.drafting;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Cross-reference the sources": links new source records to people; counts the possible duplicates. */
@Component("crossReferenceSources")
public class CrossReferenceDelegate implements JavaDelegate {

    private final CrossReferenceService service;

    public CrossReferenceDelegate(CrossReferenceService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CrossReferenceService.Outcome o = service.crossReference(
                UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)));
        execution.setVariable(DraftingProcess.POSSIBLE_DUPLICATE_COUNT, o.possibleDuplicates());
    }
}
