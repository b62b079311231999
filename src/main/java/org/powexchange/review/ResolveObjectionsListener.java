package org.powexchange.review;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.refusal.Refusal;
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
    private final CurrentUser user;

    public ResolveObjectionsListener(ReviewService service, CurrentUser user) {
        this.service = service;
        this.user = user;
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
        int pass = ((Number) task.getVariable(ReviewProcess.PASS)).intValue();
        ReviewService.ResolutionNext next;
        try {
            next = service.resolveObjections(ExchangeProcess.exchangeId(task),
                    ((Number) task.getVariable(ReviewProcess.ROUND)).intValue(), pass,
                    ReviewProcess.SCOPE_REPLACEMENTS.equals(task.getVariable(ReviewProcess.SCOPE)), outcome, comment,
                    task.getVariable(ReviewProcess.RESOLUTIONS), user.id());
        } catch (Refusal e) {
            throw FormInput.invalid(e.field(), e.getMessage());
        }
        var execution = task.getExecution();
        execution.setVariable("resolutionNext", next.next());
        switch (next.next()) {
            case "REDRAFT" -> execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.REJECTED);
            case "CLEARED" -> execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
            default -> {
                execution.setVariable(ReviewProcess.PASS, pass + 1);
                execution.setVariable(ReviewProcess.AGENCIES, String.join(",", next.agenciesToReReview()));
                execution.setVariable(ReviewProcess.CHANGED, String.join(",",
                        next.changedPersons().stream().map(String::valueOf).toList()));
            }
        }
    }
}
