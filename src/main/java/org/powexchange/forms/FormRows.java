package org.powexchange.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The rows of a form-js dynamic list as a task completion carries them: a JSON array (Tasklist), its text,
 * or a Java list of maps (engine API). Every value is read as text; the handler validates each one.
 */
public final class FormRows {

    private FormRows() {
    }

    public static List<Map<String, String>> of(Object value, String field, int maxRows) {
        List<Map<String, String>> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        try {
            if (value instanceof String s) {
                if (s.isBlank()) {
                    return out;
                }
                value = Spin.JSON(s);
            }
            if (value instanceof SpinJsonNode node) {
                if (!node.isArray()) {
                    throw FormInput.invalid(field, "'" + field + "' must be a list");
                }
                for (SpinJsonNode e : node.elements()) {
                    if (!e.isObject()) {
                        throw FormInput.invalid(field, "'" + field + "' must be a list of rows");
                    }
                    Map<String, String> row = new HashMap<>();
                    for (String k : e.fieldNames()) {
                        SpinJsonNode v = e.prop(k);
                        row.put(k, v.isNull() ? null : v.isValue() ? String.valueOf(v.value()) : v.toString());
                    }
                    out.add(row);
                }
            } else if (value instanceof Collection<?> c) {
                for (Object o : c) {
                    if (!(o instanceof Map<?, ?> m)) {
                        throw FormInput.invalid(field, "'" + field + "' must be a list of rows");
                    }
                    Map<String, String> row = new HashMap<>();
                    m.forEach((k, v) -> row.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
                    out.add(row);
                }
            } else {
                throw FormInput.invalid(field, "'" + field + "' must be a list");
            }
        } catch (FormFieldValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw FormInput.invalid(field, "'" + field + "' is not a readable list");
        }
        if (out.size() > maxRows) {
            throw FormInput.invalid(field, "'" + field + "' has more than " + maxRows + " rows");
        }
        return out;
    }

    /** A row's id (spaces around it allowed); null when it is no whole number, for the caller to refuse. */
    public static Long id(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
