package org.powexchange.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/** "Record the review outcome": the lists are cleared only if every agency approved in this round. */
@Component("recordReviewOutcome")
public class RecordReviewOutcomeDelegate implements JavaDelegate {

    private final ReviewRepository reviews;
    private final AuditLog audit;

    public RecordReviewOutcomeDelegate(ReviewRepository reviews, AuditLog audit) {
        this.reviews = reviews;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int round = ((Number) execution.getVariable(ReviewProcess.ROUND)).intValue();
        var thisRound = reviews.list(exchangeId).stream().filter(r -> r.round() == round).toList();
        boolean allApproved = thisRound.size() == Groups.AGENCIES.size()
                && thisRound.stream().allMatch(r -> "APPROVE".equals(r.decision()));
        String outcome = allApproved ? ReviewProcess.APPROVED : ReviewProcess.REJECTED;
        execution.setVariable(ReviewProcess.OUTCOME, outcome);
        audit.record(exchangeId, "system", "REVIEW_ROUND_" + outcome, "round " + round,
                thisRound.stream().filter(r -> !"APPROVE".equals(r.decision())).map(ReviewRepository.Review::agency)
                        .toList().toString());
    }
}
