package org.powexchange.forms;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Server-side validation of a task completion: Camunda Forms validate only in the browser, so
 * every value a handler takes is checked again here. A refusal is a {@link FormFieldValidationException},
 * which the engine REST API and Tasklist report as 400 naming the field.
 */
public final class FormInput {

    private final DelegateTask task;

    private FormInput(DelegateTask task) {
        this.task = task;
    }

    public static FormInput of(DelegateTask task) {
        return new FormInput(task);
    }

    public String choice(String field, Set<String> allowed) {
        Object v = task.getVariable(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw invalid(field, "'" + field + "' is required");
        }
        if (!allowed.contains(s)) {
            throw invalid(field, "'" + field + "' must be one of " + allowed);
        }
        return s;
    }

    public String text(String field, int maxLength, boolean required) {
        Object v = task.getVariable(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                throw invalid(field, "'" + field + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(field, "'" + field + "' must be text");
        }
        if (s.length() > maxLength) {
            throw invalid(field, "'" + field + "' is longer than " + maxLength + " characters");
        }
        return s.strip();
    }

    /** A date-time as form-js submits it (ISO with or without offset; without means UTC) or a Date. */
    public OffsetDateTime dateTime(String field, boolean required) {
        Object v = task.getVariable(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                throw invalid(field, "'" + field + "' is required");
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
                    throw invalid(field, "'" + field + "' must be a date and time such as 2026-11-28T10:00:00Z");
                }
            }
        }
        throw invalid(field, "'" + field + "' must be a date and time");
    }

    /** A checklist's selection: a list of ids, as Tasklist submits it (JSON array) or a comma-separated text. */
    public List<Long> ids(String field) {
        Object v = task.getVariable(field);
        List<Long> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        try {
            if (v instanceof SpinJsonNode node) {
                if (!node.isArray()) {
                    throw invalid(field, "'" + field + "' must be a list of ids");
                }
                for (SpinJsonNode e : node.elements()) {
                    out.add(Long.valueOf(e.isNumber() ? String.valueOf(e.numberValue().longValue()) : e.stringValue()));
                }
            } else if (v instanceof Collection<?> c) {
                for (Object o : c) {
                    out.add(Long.valueOf(String.valueOf(o)));
                }
            } else if (v instanceof String s) {
                String trimmed = s.replaceAll("[\\[\\]\"\\s]", "");
                for (String part : trimmed.split(",")) {
                    if (!part.isEmpty()) {
                        out.add(Long.valueOf(part));
                    }
                }
            } else {
                throw invalid(field, "'" + field + "' must be a list of ids");
            }
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw invalid(field, "'" + field + "' must be a list of ids");
        }
        return out;
    }

    public static FormFieldValidationException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
