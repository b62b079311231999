package org.powexchange.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/**
 * "Open the review round and route the people": each redraft is reviewed afresh, by all six agencies; the
 * replacements neutral verification proposes are reviewed alone, by the agencies their routing names.
 */
@Component("openReviewRound")
public class OpenReviewRoundDelegate implements JavaDelegate {

    private final ReviewService service;

    public OpenReviewRoundDelegate(ReviewService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        execution.setVariable(ReviewProcess.PASS, 1);
        if (ReviewProcess.SCOPE_REPLACEMENTS.equals(execution.getVariable(ReviewProcess.SCOPE))) {
            // replacements verification proposed: they alone, by the agencies their routing names
            ReviewService.ReplacementRound r = service.openReplacementRound(exchangeId,
                    ReviewOptions.csv((String) execution.getVariable(ReviewProcess.PEOPLE)));
            execution.setVariable(ReviewProcess.ROUND, r.round());
            execution.setVariable(ReviewProcess.AGENCIES, String.join(",", r.agencies()));
            execution.setVariable(ReviewProcess.CHANGED, String.join(",", r.people().stream().map(String::valueOf)
                    .toList()));
            return;
        }
        execution.setVariable(ReviewProcess.ROUND, service.openRound(exchangeId));
        execution.setVariable(ReviewProcess.AGENCIES, String.join(",", Groups.AGENCIES));
        execution.setVariable(ReviewProcess.CHANGED, "");
    }
}
