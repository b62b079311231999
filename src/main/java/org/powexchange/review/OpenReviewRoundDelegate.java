package org.powexchange.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Open the review round": each redraft is reviewed afresh, in its own numbered round. */
@Component("openReviewRound")
public class OpenReviewRoundDelegate implements JavaDelegate {

    private final ReviewRepository reviews;

    public OpenReviewRoundDelegate(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        execution.setVariable(ReviewProcess.ROUND, reviews.lastRound(exchangeId) + 1);
    }
}
