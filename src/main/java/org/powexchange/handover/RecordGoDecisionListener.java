package org.powexchange.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The go/no-go check: go is refused unless both ministries reported ready. */
@Component("recordGoDecision")
public class RecordGoDecisionListener implements TaskFormHandler {

    private final LogisticsService logistics;
    private final CurrentUser user;

    public RecordGoDecisionListener(LogisticsService logistics, CurrentUser user) {
        this.logistics = logistics;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.GO_DECISION, HandoverProcess.GO_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(HandoverProcess.GO_DECISION, Set.of("GO", "NO_GO"));
        String comment = in.text(HandoverProcess.GO_COMMENT, 2000, "NO_GO".equals(decision));
        try {
            logistics.decide(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task), "GO".equals(decision),
                    comment, user.id());
        } catch (LogisticsService.NotReadyException e) {
            throw FormInput.invalid(HandoverProcess.GO_DECISION, e.getMessage() + "; go is given only when both are ready");
        }
    }
}
