package org.powexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

@UnitTest
class ExchangeProcessTest {

    static DelegateExecution carrying(Object id) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)).thenReturn(id);
        return execution;
    }

    @Test
    void theExchangeIdIsReadFromTheProcessOrTheIncidentNamesWhatIsWrong() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-00000000e001");
        assertThat(ExchangeProcess.exchangeId(carrying(id.toString()))).isEqualTo(id);
        assertThatThrownBy(() -> ExchangeProcess.exchangeId(carrying(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exchangeId is missing");
        assertThatThrownBy(() -> ExchangeProcess.exchangeId(carrying(42L)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not text: 42");
        assertThatThrownBy(() -> ExchangeProcess.exchangeId(carrying("EX-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is no exchange id: EX-1");
    }
}
