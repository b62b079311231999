package org.powexchange.drafting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/** "Resolve possible duplicates": ticked pairs are merged, the others kept apart; validated server-side. */
@Component("recordDuplicateDecisions")
public class ResolveDuplicatesListener implements TaskFormHandler {

    private final CrossReferenceService crossReference;
    private final CurrentUser user;

    public ResolveDuplicatesListener(CrossReferenceService crossReference, CurrentUser user) {
        this.crossReference = crossReference;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(DraftingProcess.PAIRS_TO_MERGE, DraftingProcess.DUPLICATES_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        UUID exchangeId = UUID.fromString((String) task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
        List<Long> merge = in.ids(DraftingProcess.PAIRS_TO_MERGE);
        in.text(DraftingProcess.DUPLICATES_COMMENT, 2000, false);
        Set<Long> open = new HashSet<>(crossReference.openPairIds(exchangeId));
        for (Long id : merge) {
            if (!open.contains(id)) {
                throw FormInput.invalid(DraftingProcess.PAIRS_TO_MERGE, "pair " + id + " is not an open possible duplicate");
            }
        }
        crossReference.decide(exchangeId, merge, user.id());
        task.setVariable(DraftingProcess.POSSIBLE_DUPLICATE_COUNT, 0);
    }
}
