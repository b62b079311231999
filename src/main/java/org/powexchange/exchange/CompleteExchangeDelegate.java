package org.powexchange.exchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close the exchange": every phase is done; the exchange is marked completed. */
@Component("completeExchange")
public class CompleteExchangeDelegate implements JavaDelegate {

    private final ExchangeService exchanges;

    public CompleteExchangeDelegate(ExchangeService exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exchanges.complete(ExchangeProcess.exchangeId(execution), "system");
    }
}
