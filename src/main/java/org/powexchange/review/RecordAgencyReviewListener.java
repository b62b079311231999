package org.powexchange.review;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/** Stores one agency's review in the domain tables; an objection needs a reason. */
@Component("recordAgencyReview")
public class RecordAgencyReviewListener implements TaskFormHandler {

    private final ReviewRepository reviews;
    private final AuditLog audit;
    private final CurrentUser user;

    public RecordAgencyReviewListener(ReviewRepository reviews, AuditLog audit, CurrentUser user) {
        this.reviews = reviews;
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(ReviewProcess.DECISION, ReviewProcess.COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = (String) task.getVariable(ReviewProcess.AGENCY);
        if (!Groups.AGENCIES.contains(agency)) {
            throw new IllegalStateException("review task " + task.getTaskDefinitionKey() + " names no known agency");
        }
        FormInput in = FormInput.of(task);
        String decision = in.choice(ReviewProcess.DECISION, Set.of("APPROVE", "REJECT"));
        String comment = in.text(ReviewProcess.COMMENT, 2000, "REJECT".equals(decision));
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int round = ((Number) task.getVariable(ReviewProcess.ROUND)).intValue();
        String reviewer = user.id();
        reviews.insert(new ReviewRepository.Review(exchangeId, round, agency, decision, comment, reviewer,
                OffsetDateTime.now()));
        audit.record(exchangeId, reviewer, "REVIEW_" + decision, agency, comment);
    }
}
