package org.powexchange.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.FormRows;
import org.powexchange.refusal.Refusal;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Stores one agency's review: an objection per named person with a reason code and a comment; completing
 * the task approves everyone else. Only a member of the agency may complete it (an overdue review is
 * visible to the Staff, who chase it but do not answer for the agency).
 */
@Component("recordAgencyReview")
public class RecordAgencyReviewListener implements TaskFormHandler {

    static final int MAX_OBJECTIONS = 2000;

    private final ReviewService service;
    private final CurrentUser user;

    public RecordAgencyReviewListener(ReviewService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(ReviewProcess.OBJECTIONS, ReviewProcess.COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = (String) task.getVariable(ReviewProcess.AGENCY);
        if (!Groups.AGENCIES.contains(agency)) {
            throw new IllegalStateException("review task " + task.getTaskDefinitionKey() + " names no known agency");
        }
        CurrentUser.Caller caller = user.caller();
        if (caller == null || !(caller.in(agency) || caller.in(Groups.ADMIN))) {
            throw FormInput.invalid(ReviewProcess.OBJECTIONS, "only the " + Groups.displayName(agency)
                    + " can complete its review");
        }
        FormInput in = FormInput.of(task);
        List<ReviewService.ObjectionInput> objected = new ArrayList<>();
        for (Map<String, String> row : FormItems.of(task.getVariable(ReviewProcess.OBJECTIONS), ReviewProcess.OBJECTIONS,
                MAX_OBJECTIONS)) {
            String person = FormItems.blankToNull(row.get("personId"));
            String reason = FormItems.blankToNull(row.get("reason"));
            String comment = FormItems.blankToNull(row.get("comment"));
            if (person == null && reason == null && comment == null) {
                continue; // an empty row left in the list
            }
            if (person == null) {
                throw FormInput.invalid(ReviewProcess.OBJECTIONS, "each objection names a person");
            }
            if (reason == null || !ReviewProcess.REASON_CODES.contains(reason)) {
                throw FormInput.invalid(ReviewProcess.OBJECTIONS, "the objection to person " + person
                        + " needs a reason code, one of " + ReviewProcess.REASON_CODES);
            }
            if (comment != null && comment.length() > 2000) {
                throw FormInput.invalid(ReviewProcess.OBJECTIONS, "a comment is at most 2000 characters");
            }
            Long personId = FormRows.id(person);
            if (personId == null) {
                throw FormInput.invalid(ReviewProcess.OBJECTIONS, "'" + person + "' is not a person id");
            }
            objected.add(new ReviewService.ObjectionInput(personId, reason, comment));
        }
        String comment = in.text(ReviewProcess.COMMENT, 2000, false);
        UUID exchangeId = ExchangeProcess.exchangeId(task);
        int round = ((Number) task.getVariable(ReviewProcess.ROUND)).intValue();
        int pass = ((Number) task.getVariable(ReviewProcess.PASS)).intValue();
        try {
            service.recordReview(exchangeId, round, pass, agency, objected, comment, caller.id());
        } catch (Refusal e) {
            throw FormInput.invalid(e.field(), e.getMessage());
        }
    }
}
