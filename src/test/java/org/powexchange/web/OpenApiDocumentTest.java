package org.powexchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * /v3/api-docs against the endpoints: every /api and /board/api handler method is in the document with a
 * 2xx response whose JSON schema is a named record (never a bare map), and with the problem-document refusals
 * (the board's data: 400 and 403 only, all it can answer past its sign-in).
 */
class OpenApiDocumentTest extends IntegrationTest {

    static final Set<String> REFUSALS = Set.of("400", "403", "404", "409", "413");
    static final Set<String> BOARD_REFUSALS = Set.of("400", "403");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ObjectMapper json;

    @Test
    void everyApiEndpointIsDocumentedWithATypedResponseAndItsRefusals() throws Exception {
        ResponseEntity<String> r = as("admin", "demo-admin-pw").getForEntity("/v3/api-docs", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = json.readTree(r.getBody());
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.has("ProblemDetail")).as("ProblemDetail schema").isTrue();

        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int boardOperations = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                boolean board = pattern.startsWith("/board/api/");
                if (!pattern.startsWith("/api/") && !board) {
                    continue;
                }
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    operations++;
                    boardOperations += board ? 1 : 0;
                    String where = method + " " + pattern + " (" + e.getValue().getShortLogMessage() + ")";
                    if (untyped(e.getValue().getMethod().getGenericReturnType())) {
                        wrong.add(where + ": the handler answers Map<String, Object>");
                    }
                    JsonNode op = doc.path("paths").path(pattern).path(method.name().toLowerCase());
                    if (op.isMissingNode()) {
                        wrong.add(where + ": not in the document");
                        continue;
                    }
                    checkOperation(where, op, schemas, board ? BOARD_REFUSALS : REFUSALS, wrong);
                }
            }
        }
        assertThat(operations).as("/api operations found").isGreaterThan(20);
        assertThat(boardOperations).as("/board/api operations found").isEqualTo(3);
        // the board page reads parity.final: the record's component (a Java keyword) is documented by that name
        assertThat(schemas.path("BoardParity").path("properties").has("final")).as("BoardParity.final").isTrue();
        assertThat(nameClashes()).as("records that would share one schema name, or hold an untyped map").isEmpty();
        assertThat(wrong).as("endpoints the document does not describe").isEmpty();
    }

    private void checkOperation(String where, JsonNode op, JsonNode schemas, Set<String> refusals, List<String> wrong) {
        JsonNode responses = op.path("responses");
        boolean typed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resp = it.next();
            if (!resp.getKey().startsWith("2")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = resp.getValue().path("content").fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> m = media.next();
                JsonNode schema = m.getValue().path("schema");
                if (!m.getKey().contains("json")) {
                    // CSV and other text bodies are documented as strings or bytes
                    typed |= "string".equals(schema.path("type").asText());
                    continue;
                }
                JsonNode named = "array".equals(schema.path("type").asText()) ? schema.path("items") : schema;
                String ref = named.path("$ref").asText("");
                if (!ref.startsWith("#/components/schemas/")) {
                    wrong.add(where + ": " + resp.getKey() + " " + m.getKey() + " is not a named schema: " + schema);
                    continue;
                }
                JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                if (!target.has("properties")) {
                    wrong.add(where + ": schema " + ref + " has no properties: " + target);
                    continue;
                }
                typed = true;
            }
        }
        if (!typed) {
            wrong.add(where + ": no typed 2xx response");
        }
        for (String code : refusals) {
            String ref = responses.path(code).path("content").path("application/problem+json").path("schema")
                    .path("$ref").asText("");
            if (!ref.equals("#/components/schemas/ProblemDetail")) {
                wrong.add(where + ": no " + code + " problem document");
            }
        }
        // the board's data is documented with just what it can answer (not /api's 404, 409 and 413)
        for (Iterator<String> codes = responses.fieldNames(); refusals == BOARD_REFUSALS && codes.hasNext(); ) {
            String code = codes.next();
            if (!code.startsWith("2") && !refusals.contains(code)) {
                wrong.add(where + ": documents " + code + ", which it never answers");
            }
        }
    }

    /**
     * The document names a schema after the record's simple name: two records of the same name would be
     * documented as one (the last one read), so every record an /api handler reads or answers must have its own name.
     */
    private List<String> nameClashes() {
        Map<String, Class<?>> byName = new java.util.HashMap<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        List<String> clashes = new ArrayList<>();
        for (HandlerMethod h : mappings.getHandlerMethods().values()) {
            if (h.getBeanType().getPackageName().startsWith("org.powexchange")) {
                collect(h.getMethod().getGenericReturnType(), seen, byName, clashes);
                for (var parameter : h.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                        collect(parameter.getGenericParameterType(), seen, byName, clashes);
                    }
                }
            }
        }
        return clashes;
    }

    private static void collect(Type t, Set<Class<?>> seen, Map<String, Class<?>> byName, List<String> clashes) {
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                collect(a, seen, byName, clashes);
            }
            return;
        }
        if (!(t instanceof Class<?> c) || !c.isRecord() || !seen.add(c)) {
            return;
        }
        io.swagger.v3.oas.annotations.media.Schema named = c.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
        Class<?> other = byName.putIfAbsent(name, c);
        if (other != null && other != c) {
            clashes.add(name + ": " + other.getName() + " and " + c.getName());
        }
        for (var component : c.getRecordComponents()) {
            if (untyped(component.getGenericType())) {
                clashes.add(c.getName() + "." + component.getName() + " is a Map<String, Object>");
            }
            collect(component.getGenericType(), seen, byName, clashes);
        }
    }

    /** Map<String, Object> anywhere in the declared return type (also inside List or ResponseEntity). */
    private static boolean untyped(Type t) {
        if (t instanceof ParameterizedType p) {
            if (p.getRawType() == Map.class && p.getActualTypeArguments()[1] == Object.class) {
                return true;
            }
            for (Type a : p.getActualTypeArguments()) {
                if (untyped(a)) {
                    return true;
                }
            }
        }
        return t == Object.class || t == Map.class;
    }
}
