package org.powexchange.handover;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;

/** Reading the handover's typed inputs (ticks, date-times) from a task completion, checked server-side. */
final class HandoverInputs {

    private HandoverInputs() {
    }

    static UUID exchangeId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(ExchangeProcess.VAR_EXCHANGE_ID));
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

    /** A date-time as form-js submits it (ISO with or without offset; without means UTC) or a Date. */
    static OffsetDateTime dateTime(VariableScope scope, String field, boolean required) {
        Object v = scope.getVariable(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                throw FormInput.invalid(field, "'" + field + "' is required");
            }
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (v instanceof String s) {
            try {
                return OffsetDateTime.parse(s.strip());
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(s.strip()).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw FormInput.invalid(field, "'" + field + "' must be a date and time such as 2026-11-28T10:00:00Z");
                }
            }
        }
        throw FormInput.invalid(field, "'" + field + "' must be a date and time");
    }
}
