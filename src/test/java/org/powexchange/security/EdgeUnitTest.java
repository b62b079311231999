package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.springframework.dao.DuplicateKeyException;

/** The edge's pure parts, without a server: the access table, the submission check, the JSON bounds, the problem text. */
@UnitTest
class EdgeUnitTest {

    private static boolean allowed(String method, String path, String... groups) {
        return AccessRules.decide(method, path, List.of(groups), groups.length > 0).allowed();
    }

    @Test
    void theAccessTableDeniesWhatItDoesNotName() {
        // engine rules apply to every prefix of the engine
        for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default", "/camunda/api/engine/engine/default")) {
            assertThat(allowed("POST", prefix + "/task/t1/complete", "defence")).as(prefix).isTrue();
            assertThat(allowed("POST", prefix + "/job/j1/execute", "defence")).as(prefix).isFalse();
            assertThat(allowed("POST", prefix + "/job/j1/execute", "camunda-admin")).as(prefix).isTrue();
            assertThat(allowed("POST", prefix + "/message", "neutral-party")).as(prefix).isFalse();
            assertThat(allowed("POST", prefix + "/external-task/fetchAndLock", "neutral-party")).as(prefix).isTrue();
            assertThat(allowed("POST", prefix + "/external-task/fetchAndLock", "coordination-staff")).as(prefix).isFalse();
            assertThat(allowed("PUT", prefix + "/process-instance/p1/variables/x", "neutral-party")).as(prefix).isFalse();
            assertThat(allowed("PUT", prefix + "/process-instance/p1/suspended", "neutral-party")).as(prefix).isFalse();
            assertThat(allowed("PUT", prefix + "/job/j1/duedate", "neutral-party")).as(prefix).isFalse();
        }
        assertThat(allowed("GET", "/engine-rest/task")).as("anonymous").isFalse();
        assertThat(allowed("GET", "/actuator/health")).as("health is public").isTrue();
        assertThat(allowed("GET", "/actuator/metrics", "coordination-staff")).isFalse();
        assertThat(allowed("POST", "/api/exchanges", "coordination-staff")).isTrue();
        assertThat(allowed("POST", "/api/exchanges", "defence")).isFalse();
        assertThat(allowed("POST", "/api/exchanges/e1/verification-results", "neutral-party")).isTrue();
        assertThat(allowed("POST", "/api/exchanges/e1/verification-results", "coordination-staff")).isFalse();
        assertThat(allowed("POST", "/api/exchanges/e1/whatever", "coordination-staff")).as("unknown path: denied").isFalse();
        assertThat(allowed("DELETE", "/api/exchanges/e1", "coordination-staff")).as("unknown method: denied").isFalse();
        // a method no rule names on a path of the caller's: 405 with the methods the caller may use there
        assertThat(AccessRules.methodsAdmitted("/api/exchanges/e1/sources/military-records", List.of("coordination-staff"), true))
                .containsExactly("POST");
        assertThat(AccessRules.methodsAdmitted("/api/exchanges/e1/sources/military-records", List.of("security-service"), true))
                .as("not the caller's path: nothing to tell").isEmpty();
        assertThat(AccessRules.methodsAdmitted("/api/exchanges/e1/whatever", List.of("coordination-staff"), true)).isEmpty();
        assertThat(allowed("POST", "/camunda/api/admin/auth/user/default/login/tasklist")).as("the webapp's own login").isTrue();
        assertThat(allowed("POST", "/camunda/api/engine/job/j1/execute", "defence")).as("the webapp's engine API without a name").isFalse();
        assertThat(AccessRules.enginePath("/camunda/api/engine/task/t1/complete")).isEqualTo("/task/t1/complete");
        assertThat(AccessRules.enginePath("/engine-rest/engine/default/task")).isEqualTo("/task");
        assertThat(AccessRules.enginePath("/camunda/api/engine/engine/")).isNull();
    }

    @Test
    void aCompletionCarriesFormFieldsOfPlainTypesOnly() throws Exception {
        Set<String> fields = Set.of("decision", "rows");
        assertThat(check("{\"variables\":{\"decision\":{\"value\":\"GO\",\"type\":\"String\"}}}", fields)).isNull();
        assertThat(check("{\"variables\":{\"rows\":{\"value\":\"[]\",\"type\":\"Json\"}}}", fields)).isNull();
        assertThat(check("{\"variables\":{\"exchangeId\":{\"value\":\"x\",\"type\":\"String\"}}}", fields).field()).isEqualTo("exchangeId");
        assertThat(check("{\"variables\":{\"rows\":{\"value\":\"[]\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.util.ArrayList<java.net.URL>\",\"serializationDataFormat\":\"application/json\"}}}}", fields).field()).isEqualTo("rows");
        assertThat(check("{\"variables\":{\"rows\":{\"value\":\"[[[\",\"type\":\"Json\"}}}", fields).field()).isEqualTo("rows");
        assertThat(check("{\"variables\":{\"rows\":{\"value\":\"" + "[".repeat(100) + "]".repeat(100) + "\",\"type\":\"Json\"}}}",
                fields).detail()).contains("deeper");
        assertThat(check("{\"localVariables\":{\"decision\":{\"value\":\"GO\",\"type\":\"String\"}}}", fields).field())
                .isEqualTo("localVariables");
        assertThat(check("[1]", fields).field()).isEqualTo("body");
    }

    private static SubmissionCheck.Refusal check(String body, Set<String> fields) throws Exception {
        return SubmissionCheck.check(JsonLimits.parse(body), fields, SubmissionCheck.ValueChecker.WELL_FORMED);
    }

    @Test
    void jsonIsBoundedAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> JsonLimits.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("same key twice");
        assertThatThrownBy(() -> JsonLimits.parse("[".repeat(10_000) + "]".repeat(10_000))).hasMessageContaining("deeper");
        assertThatThrownBy(() -> JsonLimits.parse("{\"n\":1" + "0".repeat(100) + "}")).hasMessageContaining("digits");
        assertThatThrownBy(() -> JsonLimits.parse("{\"a\":")).hasMessage("not valid JSON");
    }

    @Test
    void objectAndMalformedJsonValuesAreFoundAnywhereInAnEngineBody() throws Exception {
        JsonNode message = JsonLimits.parse("{\"messageName\":\"x\",\"processVariables\":{\"evil\":{\"value\":\"[]\",\"type\":\"object\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap<java.lang.String,java.io.File>\"}}}}");
        assertThat(BodyLimits.typedValues("value", message, 0).variable()).isEqualTo("evil");
        JsonNode single = JsonLimits.parse("{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{}}");
        assertThat(BodyLimits.typedValues("value", single, 0)).isNotNull();
        JsonNode json = JsonLimits.parse("{\"modifications\":{\"j\":{\"value\":\"{\\\"a\\\":1,\\\"a\\\":2}\",\"type\":\"Json\"}}}");
        assertThat(BodyLimits.typedValues("value", json, 0).reason()).contains("same key twice");
        JsonNode fine = JsonLimits.parse("{\"modifications\":{\"j\":{\"value\":\"[1,2]\",\"type\":\"Json\"},\"s\":{\"value\":\"x\"}}}");
        assertThat(BodyLimits.typedValues("value", fine, 0)).isNull();
    }

    @Test
    void engineFailuresThatAreNotTheServersFaultAreRecognised() {
        assertThat(EngineFailureCapture.classify(new ProcessEngineException("wrapped",
                new FormFieldValidationException("objections", "bad reason"))).kind()).isEqualTo(EngineFailureCapture.Kind.FIELD);
        assertThat(EngineFailureCapture.classify(new OptimisticLockingException("ENGINE-03005")).kind())
                .isEqualTo(EngineFailureCapture.Kind.CONFLICT);
        assertThat(EngineFailureCapture.classify(new ProcessEngineException("listener failed",
                new DuplicateKeyException("unique index on agency_review"))).kind()).isEqualTo(EngineFailureCapture.Kind.CONFLICT);
        assertThat(EngineFailureCapture.classify(new ProcessEngineException("ENGINE-17007 Java serialization format is prohibited"))
                .kind()).isEqualTo(EngineFailureCapture.Kind.CLIENT);
        // a service's refusal that reaches the engine keeps its field, message and kind
        var refused = EngineFailureCapture.classify(new ProcessEngineException("listener failed",
                org.powexchange.refusal.Refusal.invalid("received", "person 7 has not consented")));
        assertThat(refused).isEqualTo(new EngineFailureCapture.Failure(EngineFailureCapture.Kind.FIELD, "received",
                "person 7 has not consented"));
        assertThat(EngineFailureCapture.classify(org.powexchange.refusal.Refusal.conflict(null, "phase 2 is closed")))
                .isEqualTo(new EngineFailureCapture.Failure(EngineFailureCapture.Kind.STATE, null, "phase 2 is closed"));
        assertThat(EngineFailureCapture.classify(org.powexchange.refusal.Refusal.notFound("exchange")).kind())
                .isEqualTo(EngineFailureCapture.Kind.CLIENT);
        assertThat(EngineFailureCapture.classify(new NullPointerException("a bug"))).isNull();
    }

    @Test
    void problemTextsNameNoClasses() {
        String s = ProblemWriter.sanitize("org.camunda.bpm.engine.MismatchingMessageCorrelationException: ENGINE-13031 Cannot "
                + "correlate a message with name 'x' to a single execution; ProcessInstanceQueryDto was invalid");
        assertThat(s).doesNotContain("org.camunda", "Exception", "Dto").contains("Cannot correlate a message");
        assertThat(ProblemWriter.body(409, null, "taskId")).containsEntry("status", 409).containsEntry("field", "taskId");
    }

    @Test
    void crossSiteWritesAreRecognised() {
        org.springframework.mock.web.MockHttpServletRequest r = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/exchanges");
        r.addHeader("Host", "pow.example:8080");
        assertThat(EdgeSecurity.crossOriginWrite(r)).as("no Origin: an API client").isFalse();
        r.addHeader("Origin", "https://evil.example");
        assertThat(EdgeSecurity.crossOriginWrite(r)).isTrue();
        org.springframework.mock.web.MockHttpServletRequest same = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/exchanges");
        same.addHeader("Host", "pow.example:8080");
        same.addHeader("Origin", "http://pow.example:8080");
        assertThat(EdgeSecurity.crossOriginWrite(same)).isFalse();
    }
}
