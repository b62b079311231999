package org.powexchange.handover;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;

/** Reading the handover's typed inputs (exchange, phase, ticks) from a task completion, checked server-side. */
final class HandoverInputs {

    private HandoverInputs() {
    }

    static UUID exchangeId(VariableScope scope) {
        return ExchangeProcess.exchangeId(scope);
    }

    static int phaseNo(VariableScope scope) {
        return ((Number) scope.getVariable(ExchangeProcess.VAR_PHASE_NO)).intValue();
    }

    /** A checkbox: absent means unticked; anything but a boolean (or "true"/"false") is refused. */
    static boolean flag(VariableScope scope, String field) {
        Object v = scope.getVariable(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw FormInput.invalid(field, "'" + field + "' must be true or false");
    }
}
