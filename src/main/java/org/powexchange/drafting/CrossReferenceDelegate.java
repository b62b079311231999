package org.powexchange.drafting;

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
        Object exchangeId = execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID);
        CrossReferenceService.Outcome o;
        try {
            o = service.crossReference(ExchangeProcess.exchangeId(execution));
        } catch (RuntimeException e) {
            // the job's incident shows this message: an administrator must see what failed and where
            throw new IllegalStateException(incidentMessage(exchangeId, e), e);
        }
        execution.setVariable(DraftingProcess.POSSIBLE_DUPLICATE_COUNT, o.possibleDuplicates());
    }

    static String incidentMessage(Object exchangeId, Throwable e) {
        StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        return "Cross-referencing the sources of exchange " + exchangeId + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")")
                + (at == null ? "" : " at " + at.getClassName().replaceAll(".*\\.", "") + "." + at.getMethodName()
                + ":" + at.getLineNumber())
                + ". Nothing was linked; fix the cause (or the source data) and retry the job in Cockpit.";
    }
}
