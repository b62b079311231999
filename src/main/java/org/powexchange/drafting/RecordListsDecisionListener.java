package org.powexchange.drafting;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The drafter confirms the lists or sends them back; the decision is validated and put on the record. */
@Component("recordListsDecision")
public class RecordListsDecisionListener implements TaskFormHandler {

    private final AuditLog audit;
    private final CurrentUser user;

    public RecordListsDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(DraftingProcess.LISTS_DECISION, DraftingProcess.DRAFTING_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decision = in.choice(DraftingProcess.LISTS_DECISION, Set.of("CONFIRM", "SEND_BACK"));
        String comment = in.text(DraftingProcess.DRAFTING_COMMENT, 2000, "SEND_BACK".equals(decision));
        audit.record(UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)), user.id(),
                "LISTS_" + decision, null, comment);
    }
}
