package org.powexchange.verification;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.refusal.Refusal;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** "Agree final lists": records the agreed pair of lists; parity must hold, art. 109 people counted apart. */
@Component("recordAgreedLists")
public class RecordAgreedListsListener implements TaskFormHandler {

    private final ReconciliationService reconciliation;
    private final CurrentUser user;

    public RecordAgreedListsListener(ReconciliationService reconciliation, CurrentUser user) {
        this.reconciliation = reconciliation;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(VerificationProcess.AGREED_HOME, VerificationProcess.AGREED_RELEASE,
                VerificationProcess.REFUSED_BY_THEM, VerificationProcess.AGREEMENT_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        UUID exchangeId = ExchangeProcess.exchangeId(task);
        long listId = ((Number) task.getVariable(VerificationProcess.VAR_COUNTERPARTY_LIST_ID)).longValue();
        FormInput in = FormInput.of(task);
        String comment = in.text(VerificationProcess.AGREEMENT_COMMENT, 2000, true);
        ReconciliationService.Agreement a;
        try {
            a = reconciliation.agree(exchangeId, listId, in.ids(VerificationProcess.AGREED_HOME),
                    in.ids(VerificationProcess.AGREED_RELEASE), in.ids(VerificationProcess.REFUSED_BY_THEM), user.id(),
                    comment);
        } catch (Refusal e) {
            throw FormInput.invalid(e.field(), e.getMessage());
        }
        var instance = task.getExecution().getProcessInstance();
        instance.setVariable("agreedSize", a.counted());
        instance.setVariable(VerificationProcess.VAR_TO_REVIEW, String.join(",",
                a.addedFromReserve().stream().map(String::valueOf).toList()));
    }
}
