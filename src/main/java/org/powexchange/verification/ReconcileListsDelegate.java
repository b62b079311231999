package org.powexchange.verification;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Reconcile with the counterparty's lists": matched, missing from theirs, unknown to us. */
@Component("reconcileLists")
public class ReconcileListsDelegate implements JavaDelegate {

    private final ReconciliationService reconciliation;

    public ReconcileListsDelegate(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        long listId = ((Number) execution.getVariable(VerificationProcess.VAR_COUNTERPARTY_LIST_ID)).longValue();
        ReconciliationService.Reconciliation r = reconciliation.reconcile(exchangeId, listId);
        execution.setVariable(VerificationProcess.VAR_MATCHED_COUNT, r.matched());
        execution.setVariable(VerificationProcess.VAR_MISSING_FROM_THEIRS, r.missingFromTheirs());
        execution.setVariable(VerificationProcess.VAR_UNKNOWN_TO_US, r.unknownToUs());
        execution.setVariable(VerificationProcess.VAR_DIFFERENCE_COUNT, r.differences());
        execution.setVariable("listsAgreed", r.agreed());
        if (r.agreed()) {
            execution.setVariable("agreedSize", r.countedHome());
        }
    }
}
