package org.powexchange.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/**
 * "Count the objections" of this pass. None: the lists are cleared (reviewOutcome APPROVED). Otherwise the
 * Staff resolves them; the outcome is set there.
 */
@Component("recordReviewOutcome")
public class RecordReviewOutcomeDelegate implements JavaDelegate {

    private final ReviewService service;

    public RecordReviewOutcomeDelegate(ReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        int round = ((Number) execution.getVariable(ReviewProcess.ROUND)).intValue();
        int pass = ((Number) execution.getVariable(ReviewProcess.PASS)).intValue();
        int n = service.objectionCount(exchangeId, round, pass);
        execution.setVariable(ReviewProcess.OBJECTION_COUNT, n);
        if (n == 0) {
            execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
        }
    }
}
