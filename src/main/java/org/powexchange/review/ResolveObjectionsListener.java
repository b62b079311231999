package org.powexchange.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Resolve objections": the Staff keeps, removes (replaced from the reserve) or defers each contested
 * person, or sends the lists back to drafting. Changes go back for review to the agencies they concern.
 */
@Component("resolveObjections")
public class ResolveObjectionsListener implements TaskFormHandler {

    private final ReviewService service;
    private final AuditLog audit;
    private final CurrentUser user;
    private final ReviewOptions options;

    public ResolveObjectionsListener(ReviewService service, AuditLog audit, CurrentUser user, ReviewOptions options) {
        this.service = service;
        this.audit = audit;
        this.user = user;
        this.options = options;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(ReviewProcess.RESOLUTIONS, ReviewProcess.RESOLUTION_OUTCOME, ReviewProcess.RESOLUTION_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String outcome = in.choice(ReviewProcess.RESOLUTION_OUTCOME, Set.of(ReviewProcess.APPLY, ReviewProcess.REDRAFT));
        String comment = in.text(ReviewProcess.RESOLUTION_COMMENT, 2000, ReviewProcess.REDRAFT.equals(outcome));
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        int round = ((Number) task.getVariable(ReviewProcess.ROUND)).intValue();
        int pass = ((Number) task.getVariable(ReviewProcess.PASS)).intValue();
        String actor = user.id();
        var execution = task.getExecution();
        if (ReviewProcess.REDRAFT.equals(outcome)
                && ReviewProcess.SCOPE_REPLACEMENTS.equals(task.getVariable(ReviewProcess.SCOPE))) {
            throw FormInput.invalid(ReviewProcess.RESOLUTION_OUTCOME, "these are replacements during verification: "
                    + "decide on each person (a removed or deferred replacement is replaced from the reserve and "
                    + "reviewed in turn); the lists cannot go back to drafting now");
        }
        if (ReviewProcess.REDRAFT.equals(outcome)) {
            audit.record(exchangeId, actor, "OBJECTIONS_REDRAFT", "round " + round, comment);
            execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.REJECTED);
            execution.setVariable("resolutionNext", "REDRAFT");
            return;
        }
        List<ReviewService.ResolutionInput> inputs = new ArrayList<>();
        List<Map<String, String>> rows = FormItems.of(task.getVariable(ReviewProcess.RESOLUTIONS),
                ReviewProcess.RESOLUTIONS, 5000);
        // Tasklist (form-js) submits only the rows' input fields, not the prefilled person id: its rows are
        // the contested people of this pass in the order they were offered (the form cannot add or remove rows)
        List<ReviewOptions.Contested> contested = options.contestedPeople(exchangeId, round, pass);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String person = FormItems.blankToNull(row.get("personId"));
            if (person == null && !row.containsKey("personId") && rows.size() == contested.size()) {
                person = String.valueOf(contested.get(i).person().id());
            }
            if (person == null) {
                throw FormInput.invalid(ReviewProcess.RESOLUTIONS, "each decision names a person");
            }
            long personId;
            try {
                personId = Long.parseLong(person);
            } catch (NumberFormatException e) {
                throw FormInput.invalid(ReviewProcess.RESOLUTIONS, "'" + person + "' is not a person id");
            }
            String why = FormItems.blankToNull(row.get("comment"));
            if (why != null && why.length() > 2000) {
                throw FormInput.invalid(ReviewProcess.RESOLUTIONS, "a comment is at most 2000 characters");
            }
            String phase = FormItems.blankToNull(row.get("deferToPhase"));
            Integer deferToPhase;
            try {
                // a number field arrives as 3 or 3.0
                deferToPhase = phase == null ? null : new java.math.BigDecimal(phase).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw FormInput.invalid(ReviewProcess.RESOLUTIONS, "'" + phase + "' is not a phase number");
            }
            inputs.add(new ReviewService.ResolutionInput(personId, FormItems.blankToNull(row.get("decision")),
                    FormItems.blankToNull(row.get("basis")), why, deferToPhase));
        }
        ReviewService.Resolved r = service.resolve(exchangeId, round, pass, inputs, actor);
        audit.record(exchangeId, actor, "OBJECTIONS_RESOLVED", "round " + round + " pass " + pass,
                r.changedPersons().size() + " change(s); re-review by " + r.agenciesToReReview()
                        + (comment == null ? "" : " – " + comment));
        if (r.agenciesToReReview().isEmpty()) {
            execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
            execution.setVariable("resolutionNext", "CLEARED");
        } else {
            execution.setVariable(ReviewProcess.PASS, pass + 1);
            execution.setVariable(ReviewProcess.AGENCIES, String.join(",", r.agenciesToReReview()));
            execution.setVariable(ReviewProcess.CHANGED, String.join(",",
                    r.changedPersons().stream().map(String::valueOf).toList()));
            execution.setVariable("resolutionNext", "REREVIEW");
        }
    }
}
