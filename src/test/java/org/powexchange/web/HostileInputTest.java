package org.powexchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.it.Rest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input to /api and to task completion over /engine-rest: every answer is a 4xx problem
 * document without a stack trace, and the database is unchanged.
 */
class HostileInputTest extends IntegrationTest {

    static final String[] INJECTIONS = {"x'; drop table exchange; --", "1 OR 1=1", "<script>alert(1)</script>",
            "${execution.setVariable('parityHolds', true)}", "#{runtimeService.deleteProcessInstance('x','y')}",
            "${''.getClass().forName('java.lang.Runtime')}", "../../etc/passwd"};

    @Autowired
    JdbcClient jdbc;

    String base;
    int tried;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
    }

    private void refused(Rest.Answer a, String what) {
        tried++;
        assertThat(a.status()).as(what + " -> " + a.raw()).isBetween(400, 499);
        assertThat(a.contentType()).as(what + " content type").startsWith("application/problem+json");
        assertThat(a.body()).as(what + " body").isNotNull();
        assertThat(a.body().path("status").asInt()).as(what + " status in body").isEqualTo(a.status());
        assertThat(a.raw()).as(what + " leaks nothing").doesNotContain("Exception", "\tat ", "org.camunda", "org.springframework");
    }

    private Rest.Answer api(String group, String method, String path, String json) {
        return Rest.raw(base, group, method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private long snapshot() {
        return jdbc.sql("select (select count(*) from exchange) + (select count(*) from person) * 1000"
                + " + (select count(*) from audit_event) * 1000000 + (select count(*) from list_entry) * 7").query(Long.class).single();
    }

    @Test
    void hostileInputToApiIsRefusedWithProblemDocuments() {
        String ex = d.createExchange("HOSTILE-API-1", 2, List.of(1, 1));
        long before = snapshot();
        String create = "/api/exchanges";
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\": \"X\", "), "truncated JSON");
        refused(api("coordination-staff", "POST", create, "[1,2,3]"), "array instead of object");
        refused(api("coordination-staff", "POST", create, ""), "empty body");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"H-X1\",\"formulaSize\":\"many\",\"phaseSizes\":[1]}"), "wrong type");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"H-X2\",\"formulaSize\":1.5,\"phaseSizes\":[1]}"), "fraction for an integer");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"H-X3\",\"formulaSize\":1,\"phaseSizes\":\"1\"}"), "string for a list");
        refused(api("coordination-staff", "POST", create, "{\"formulaSize\":1,\"phaseSizes\":[1]}"), "missing field");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"H-X4\",\"formulaSize\":1,\"phaseSizes\":[1],\"admin\":true}"), "unknown field");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"H-X5\",\"formulaSize\":-1,\"phaseSizes\":[0]}"), "out of range");
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"HOSTILE-API-1\",\"formulaSize\":2,\"phaseSizes\":[1,1]}"), "duplicate business key");
        for (String evil : INJECTIONS) {
            refused(api("coordination-staff", "POST", create, json(Map.of("agreementRef", evil, "formulaSize", 1, "phaseSizes", List.of(1)))),
                    "injection in agreementRef " + evil);
            if (evil.matches(".*[<>{}$#].*")) { // free text may hold quotes and words; never markup or expressions
                refused(api("coordination-staff", "POST", create, json(Map.of("agreementRef", "H-INJ-" + tried, "title", evil,
                        "formulaSize", 1, "phaseSizes", List.of(1)))), "injection in title " + evil);
            }
            refused(api("coordination-staff", "POST", "/api/exchanges/" + ex + "/candidates", json(Map.of("records", List.of(
                    ExchangeDriver.person("H-1", "BRING_HOME", evil, "Ivan", "MILITARY", false, null))))), "injection in a name " + evil);
            refused(api("coordination-staff", "GET", "/api/exchanges/" + ex + "/people?side=" + java.net.URLEncoder.encode(evil,
                    StandardCharsets.UTF_8), null), "injection in a query parameter " + evil);
        }
        refused(api("coordination-staff", "POST", "/api/exchanges/" + ex + "/candidates", json(Map.of("records", List.of(
                ExchangeDriver.person("H-1", "SIDEWAYS", "Testenko", "Ivan", "MILITARY", false, null))))), "unknown enum value");
        Rest.Answer twice = api("coordination-staff", "POST", "/api/exchanges/" + ex + "/candidates", json(Map.of("records", List.of(
                ExchangeDriver.person("H-DUP", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, null),
                ExchangeDriver.person("H-DUP", "BRING_HOME", "Testenko", "Ivan", "CIVILIAN", false, null)))));
        refused(twice, "the same person twice in one submission");
        assertThat(twice.raw()).as("names the second record's field").contains("records[1].externalRef");
        // oversize bodies and uploads
        refused(api("coordination-staff", "POST", create, "{\"agreementRef\":\"" + "A".repeat(2_000_000) + "\"}"), "oversize JSON body");
        refused(Rest.raw(base, "coordination-staff", "POST", "/api/exchanges/" + ex + "/candidates",
                "multipart/form-data; boundary=xyz", new byte[6 * 1024 * 1024]), "oversize file upload");
        refused(Rest.raw(base, "coordination-staff", "POST", create, "text/plain", "agreementRef=X".getBytes()), "wrong content type");
        // unknown and foreign ids
        refused(api("coordination-staff", "GET", "/api/exchanges/" + UUID.randomUUID(), null), "unknown exchange");
        refused(api("coordination-staff", "GET", "/api/exchanges/not-a-uuid", null), "malformed id");
        refused(api("coordination-staff", "GET", "/api/exchanges/" + ex + "/people?status=NOPE", null), "unknown status");
        refused(api("coordination-staff", "POST", "/api/exchanges/" + UUID.randomUUID() + "/ratification",
                "{\"documentRef\":\"R-1\",\"signedAt\":\"2026-01-01T00:00:00Z\"}"), "ratify an unknown exchange");
        refused(api("coordination-staff", "POST", "/api/exchanges/" + ex + "/ratification",
                "{\"documentRef\":\"R-1\",\"signedAt\":\"yesterday\"}"), "unparseable date");
        refused(api("neutral-party", "POST", "/api/exchanges/" + ex + "/verification-results",
                "{\"results\":[{\"personId\":987654321,\"outcome\":\"VERIFIED\"}]}"), "result for a person of no list");
        refused(api("neutral-party", "POST", "/api/exchanges/" + ex + "/verification-results",
                "{\"results\":[{\"personId\":1,\"outcome\":\"MAYBE\"}]}"), "unknown outcome");
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
        System.out.println("HOSTILE /api inputs refused: " + tried);
    }

    @Test
    void hostileTaskCompletionsAreRefusedAndChangeNothing() {
        String ex = d.createExchange("HOSTILE-TASK-1", 2, List.of(1, 1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null))), 200);
        Task task = d.task(ex, "Task_ConfirmLists");
        Map<String, String> varsBefore = asText(runtime.getVariables(task.getExecutionId()));
        long before = snapshot();
        List<String> paths = List.of("/engine-rest/task/" + task.getId() + "/complete", "/engine-rest/task/" + task.getId() + "/submit-form");
        List<String> bodies = new ArrayList<>(List.of(
                "{\"variables\": {",                                                      // malformed JSON
                "\"just a string\"",                                                      // not an object
                "{\"variables\": [1,2]}",                                                 // variables not an object
                "{\"variables\": {\"listsDecision\": \"CONFIRM\"}}",                       // value not a typed value
                "{\"variables\": {\"listsDecision\": {\"value\": 7, \"type\": \"Long\"}}}",      // wrong type
                "{\"variables\": {\"listsDecision\": {\"value\": \"MAYBE\", \"type\": \"String\"}}}", // not an option
                "{\"variables\": {\"draftingComment\": {\"value\": \"x\", \"type\": \"String\"}}}",   // required field missing
                "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"String\"},"
                        + " \"parityHolds\": {\"value\": true, \"type\": \"Boolean\"}}}",             // not a form field
                "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"String\"},"
                        + " \"exchangeId\": {\"value\": \"" + UUID.randomUUID() + "\", \"type\": \"String\"}}}", // process variable
                "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"String\"},"
                        + " \"candidateCount\": {\"value\": 0, \"type\": \"Long\"}}}",                    // display-only field
                "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"Bytes\"}}}",
                "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"File\"}}}",
                "{\"variables\": {\"listsDecision\": {\"value\": \"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\","
                        + " \"type\": \"Object\", \"valueInfo\": {\"serializationDataFormat\": \"application/x-java-serialized-object\","
                        + " \"objectTypeName\": \"java.util.ArrayList\"}}}",
                "{\"variables\": {\"listsDecision\": {\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\":"
                        + " {\"serializationDataFormat\": \"application/json\", \"objectTypeName\": \"java.lang.ProcessBuilder\"}}}}",
                "{\"variables\": {\"draftingComment\": {\"value\": \"" + "x".repeat(5000) + "\", \"type\": \"String\"},"
                        + " \"listsDecision\": {\"value\": \"SEND_BACK\", \"type\": \"String\"}}}"));  // over the length limit
        for (String evil : INJECTIONS) {
            bodies.add(json(Map.of("variables", Map.of(evil, Map.of("value", "CONFIRM", "type", "String")))));
            bodies.add(json(Map.of("variables", Map.of("listsDecision", Map.of("value", evil, "type", "String")))));
        }
        for (String path : paths) {
            for (String body : bodies) {
                refused(api("coordination-staff", "POST", path, body), "POST " + path + " " + body.substring(0, Math.min(120, body.length())));
            }
            refused(api("coordination-staff", "POST", path, "{\"variables\": {\"draftingComment\": {\"value\": \""
                    + "x".repeat(300_000) + "\", \"type\": \"String\"}}}"), "oversize completion");
            // a task of another group, and a task that does not exist
            refused(api("defence", "POST", path, "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"String\"}}}"),
                    "completion of another group's task");
        }
        refused(api("coordination-staff", "POST", "/engine-rest/task/" + UUID.randomUUID() + "/complete", "{}"), "unknown task");
        // the engine itself refuses Java serialization (javaSerializationFormatEnabled=false), even for an administrator
        Rest.Answer java = api("admin:demo-admin-pw", "PUT", "/engine-rest/process-instance/" + task.getProcessInstanceId()
                + "/variables/smuggled", "{\"value\": \"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\","
                + " \"type\": \"Object\", \"valueInfo\": {\"serializationDataFormat\": \"application/x-java-serialized-object\","
                + " \"objectTypeName\": \"java.util.ArrayList\"}}");
        tried++;
        assertThat(java.status()).as("java serialization -> " + java.raw()).isBetween(400, 499);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "smuggled")).isNull();

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).as("task still open").isNotNull();
        assertThat(asText(runtime.getVariables(task.getExecutionId()))).as("variables unchanged").isEqualTo(varsBefore);
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
        // and a proper completion still works through the same path
        Rest.Answer ok = api("coordination-staff", "POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"staff\"}");
        assertThat(ok.status()).isEqualTo(204);
        ok = api("coordination-staff", "POST", paths.get(0), "{\"variables\": {\"listsDecision\": {\"value\": \"CONFIRM\", \"type\": \"String\"}}}");
        assertThat(ok.status()).as(ok.raw()).isEqualTo(204);
        System.out.println("HOSTILE task completions refused: " + tried);
    }

    static String json(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Variables as text: JSON values (the form's table rows) have no value equality of their own. */
    static Map<String, String> asText(Map<String, Object> variables) {
        Map<String, String> out = new java.util.TreeMap<>();
        variables.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
