package org.powexchange.review;

import java.util.List;
import java.util.Map;
import org.powexchange.forms.FormRows;

/** The review forms' dynamic lists: read by the one reader of form rows ({@link FormRows}). */
final class FormItems {

    private FormItems() {
    }

    static List<Map<String, String>> of(Object value, String field, int maxRows) {
        return FormRows.of(value, field, maxRows);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
