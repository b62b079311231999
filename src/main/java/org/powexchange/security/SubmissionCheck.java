package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a completion submits, before the engine sees it: a JSON object whose {@code variables}
 * (and {@code localVariables}) are typed values of plain types only, each named by the schema
 * (the task's form fields, or the neutral party's one result variable); Json values well-formed and
 * bounded. Object values of any kind are refused: only the engine's plain types and Json pass.
 */
public final class SubmissionCheck {

    /** Value types a Camunda Form submission (and the neutral party's client) can carry. */
    static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "json", "null");

    /** A refusal: status, the field at fault, and what is wrong. */
    public record Refusal(int status, String field, String detail) {
    }

    private SubmissionCheck() {
    }

    /**
     * @param allowed the variable names that may be submitted
     * @param jsonChecker checks a Json (or JSON-in-a-string) value of a named variable; null when fine
     */
    public static Refusal check(JsonNode root, Set<String> allowed, ValueChecker jsonChecker) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return new Refusal(400, "body", "the request body must be a JSON object");
        }
        for (String part : new String[] {"variables", "localVariables"}) {
            JsonNode variables = root.get(part);
            if (variables == null || variables.isNull()) {
                continue;
            }
            if (!variables.isObject()) {
                return new Refusal(400, part, "'" + part + "' must be an object");
            }
            if ("localVariables".equals(part) && !variables.isEmpty()) {
                return new Refusal(400, part, "local variables cannot be submitted");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                Refusal r = variable(v.getKey(), v.getValue(), allowed, jsonChecker);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static Refusal variable(String name, JsonNode value, Set<String> allowed, ValueChecker jsonChecker) {
        String field = safe(name);
        if (!allowed.contains(name)) {
            return new Refusal(400, field, "variable '" + field + "' is not a field of this task's form");
        }
        if (!value.isObject()) {
            return new Refusal(400, field, "variable '" + field + "' must be an object with 'value' and 'type'");
        }
        String type = value.path("type").asText("string").toLowerCase();
        if (!PLAIN_TYPES.contains(type)) {
            return new Refusal(400, field, "variable '" + field + "' has a value type a form cannot submit");
        }
        JsonNode info = value.path("valueInfo");
        if (info.has("objectTypeName") || info.has("serializationDataFormat")) {
            return new Refusal(400, field, "variable '" + field + "' carries type information a form cannot submit");
        }
        JsonNode v = value.get("value");
        if ("json".equals(type) && v != null && !v.isNull()) {
            String problem = v.isTextual() ? jsonChecker.check(name, v.asText()) : "must be JSON text";
            if (problem != null) {
                return new Refusal(400, field, "variable '" + field + "' " + problem);
            }
        }
        return null;
    }

    /** Checks a JSON text submitted for a variable; answers what is wrong, or null. */
    @FunctionalInterface
    public interface ValueChecker {
        String check(String variable, String jsonText);

        /** Well-formed and within the bounds of {@link JsonLimits}. */
        ValueChecker WELL_FORMED = (name, text) -> {
            try {
                JsonLimits.parse(text);
                return null;
            } catch (JsonLimits.Invalid e) {
                return "is " + (e.getMessage().startsWith("not") ? "" : "refused: ") + e.getMessage();
            }
        };
    }

    static String safe(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("[^\\p{L}\\p{N}_ .${}#()'\"<>/;:=*+-]", "?");
    }
}
