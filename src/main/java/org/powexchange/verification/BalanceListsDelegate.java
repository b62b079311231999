package org.powexchange.verification;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.exchange.ExchangeProcess;
import org.springframework.stereotype.Component;

/** "Balance the lists at the smaller size": both sides go forward with as many as the shorter side has verified. */
@Component("balanceLists")
public class BalanceListsDelegate implements JavaDelegate {

    private final ReplacementService replacement;

    public BalanceListsDelegate(ReplacementService replacement) {
        this.replacement = replacement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = ExchangeProcess.exchangeId(execution);
        execution.setVariable("agreedSize", replacement.balanceAtSmallerSize(exchangeId, "system"));
    }
}
