package org.powexchange.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Writes the problem documents (RFC 9457) the edge answers with, in the shape of {@code web/ApiProblems}:
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code field} when one is at fault, and
 * {@code message} (what Tasklist and Cockpit show of an engine error). Details never carry class names.
 */
public final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** a Java class name (qualified, or an Exception/Dto/Entity simple name) */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*|\\b[A-Z]\\w*(?:Exception|Error|Dto|Entity|Impl)\\b:?");

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String detail, String field) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body(status, detail, field)));
    }

    static Map<String, Object> body(int status, String detail, String field) {
        HttpStatus s = HttpStatus.resolve(status);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", s == null ? "Error" : s.getReasonPhrase());
        p.put("status", status);
        String d = sanitize(detail);
        p.put("detail", d);
        if (field != null) {
            p.put("field", field);
        }
        p.put("message", d);
        return p;
    }

    /** Strips class names from a message (the engine's messages name its entities and exceptions). */
    public static String sanitize(String detail) {
        if (detail == null || detail.isBlank()) {
            return "the request was refused";
        }
        String d = CLASS_NAME.matcher(detail).replaceAll("").replaceAll("\\s{2,}", " ").strip();
        if (d.length() > 300) {
            d = d.substring(0, 300) + "…";
        }
        return d.isEmpty() ? "the request was refused" : d;
    }
}
