package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.it.Rest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access matrix: every endpoint of /api and of /engine-rest, for no credentials and for each user.
 * Without credentials: 401 everywhere. /api: the Coordination Staff and administrators; the neutral
 * party only what it verifies. /engine-rest: each agency sees and completes its own review task only,
 * and sees no process instance, variable or history; administrators see all.
 */
class AccessMatrixTest extends IntegrationTest {

    static final String ADMIN = "admin:demo-admin-pw";
    static final List<String> CALLERS = List.of("coordination-staff", "defence", "military-intelligence", "security-service",
            "foreign-intelligence", "interior", "ombudsman", "neutral-party", ADMIN);

    @Autowired
    org.camunda.bpm.engine.ExternalTaskService externalTasks;

    String base;
    int cells;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
    }

    /** An exchange waiting in review, with its six agency tasks open. */
    private String exchangeInReview(String ref) {
        String ex = d.createExchange(ref, 2, List.of(1, 1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null))), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        return ex;
    }

    private void cell(String caller, String method, String path, String body, Set<Integer> expected) {
        Rest.Answer a = Rest.call(base, caller, method, path, body);
        cells++;
        assertThat(a.status()).as(method + " " + path + " as " + caller + " -> " + a.raw()).isIn(expected);
        assertThat(a.raw()).doesNotContain("\tat ");
    }

    @Test
    void apiMatrix() {
        String ex = exchangeInReview("ACCESS-API-1");
        String x = "/api/exchanges/" + ex;
        // endpoint -> who may (besides administrators)
        Map<String, Set<String>> who = new LinkedHashMap<>();
        who.put("GET /api/exchanges", Set.of("coordination-staff"));
        who.put("POST /api/exchanges", Set.of("coordination-staff"));
        who.put("GET " + x, Set.of("coordination-staff"));
        who.put("GET " + x + "/people", Set.of("coordination-staff"));
        who.put("GET " + x + "/reviews", Set.of("coordination-staff"));
        who.put("GET " + x + "/audit", Set.of("coordination-staff"));
        who.put("POST " + x + "/candidates", Set.of("coordination-staff"));
        who.put("POST " + x + "/ratification", Set.of("coordination-staff"));
        who.put("GET " + x + "/verification-requests", Set.of("coordination-staff", "neutral-party"));
        who.put("GET " + x + "/verification-results", Set.of("coordination-staff", "neutral-party"));
        who.put("POST " + x + "/verification-results", Set.of("neutral-party"));
        who.put("GET " + x + "/review-record", Set.of("coordination-staff"));
        who.put("POST " + x + "/counterparty-lists", Set.of("coordination-staff"));
        who.put("GET " + x + "/reconciliation", Set.of("coordination-staff"));
        who.put("POST " + x + "/phases/1/manifest", Set.of("coordination-staff", "neutral-party"));
        who.put("POST " + x + "/phases/1/handover", Set.of("coordination-staff"));
        who.put("POST " + x + "/phases/1/corrections", Set.of("coordination-staff"));
        who.put("GET " + x + "/phases/1/report", Set.of("coordination-staff"));
        who.put("GET " + x + "/phases/1/report.csv", Set.of("coordination-staff"));
        who.put("GET " + x + "/report", Set.of("coordination-staff"));
        for (Map.Entry<String, Set<String>> e : who.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = e.getKey().substring(method.length() + 1);
            cell(null, method, path, method.equals("POST") ? bodyFor(path) : null, Set.of(401));
            for (String caller : CALLERS) {
                boolean allowed = caller.equals(ADMIN) || e.getValue().contains(caller);
                // allowed callers pass authorization: 2xx, or a 4xx other than 401/403 when the stage refuses the request
                cell(caller, method, path, method.equals("POST") ? bodyFor(path) : null,
                        allowed ? Set.of(200, 201, 400, 404, 409) : Set.of(403));
            }
        }
        // a wrong password is 401 too (on a user of its own, so login throttling locks no one else)
        cell("nobody:wrong", "GET", "/api/exchanges", null, Set.of(401));
        System.out.println("ACCESS /api cells checked: " + cells);
    }

    private static String bodyFor(String path) {
        if (path.endsWith("/api/exchanges")) {
            return "{\"agreementRef\":\"ACCESS-NEW-" + System.nanoTime() + "\",\"formulaSize\":1,\"phaseSizes\":[1]}";
        }
        if (path.endsWith("/candidates")) {
            return "{\"records\":[{\"externalRef\":\"H-1\",\"side\":\"BRING_HOME\",\"familyName\":\"Testenko\","
                    + "\"givenName\":\"Ivan\",\"category\":\"MILITARY\",\"lifeStatus\":\"CONFIRMED_ALIVE\"}]}";
        }
        if (path.endsWith("/counterparty-lists")) {
            return "{\"reference\":\"CP-ACCESS\",\"offered\":[{\"familyName\":\"Testenko\",\"givenName\":\"Ivan\"}],"
                    + "\"requested\":[{\"familyName\":\"Fiktivov\",\"givenName\":\"Boris\"}]}";
        }
        if (path.endsWith("/manifest")) {
            return "{\"brought\":[]}";
        }
        if (path.endsWith("/corrections")) {
            return "{\"personId\":1,\"crossed\":false,\"reason\":\"wrong tick\"}";
        }
        if (path.endsWith("/handover")) {
            return "{\"received\":[],\"handedOver\":[]}";
        }
        if (path.endsWith("/ratification")) {
            return "{\"documentRef\":\"RAT-1\",\"signedAt\":\"2026-01-01T00:00:00Z\"}";
        }
        return "{\"results\":[{\"personId\":1,\"outcome\":\"VERIFIED\"}]}";
    }

    @Test
    void engineRestMatrix() {
        String ex = exchangeInReview("ACCESS-ENGINE-1");
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult().getId();
        List<String> reads = List.of("/task", "/task/count", "/process-instance", "/process-definition", "/deployment",
                "/execution", "/variable-instance", "/history/process-instance", "/history/task", "/history/variable-instance",
                "/history/activity-instance", "/job", "/incident", "/user", "/group", "/authorization", "/filter",
                "/process-instance/" + pi + "/variables", "/history/user-operation", "/metrics/activity-instance/sum");
        for (String path : reads) {
            cell(null, "GET", "/engine-rest" + path, null, Set.of(401));
        }
        cell(null, "POST", "/engine-rest/process-definition/key/prisoner-exchange/start", "{}", Set.of(401));
        cell(null, "POST", "/engine-rest/message", "{\"messageName\":\"x\"}", Set.of(401));

        // tasks: each agency sees exactly its own review task, and no other
        for (String agency : ExchangeDriver.REVIEW_TASKS.keySet()) {
            JsonNode seen = Rest.ok(base, agency, "GET", "/engine-rest/task?processInstanceBusinessKey=" + ex, null);
            cells++;
            List<String> keys = new ArrayList<>();
            seen.forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
            assertThat(keys).as(agency + " sees").containsExactly(ExchangeDriver.REVIEW_TASKS.get(agency));
            // nor the process instances, their variables, history or the people behind them: refused at the edge
            for (String path : List.of("/process-instance?businessKey=" + ex, "/variable-instance?processInstanceIdIn=" + pi,
                    "/history/process-instance?processInstanceBusinessKey=" + ex, "/history/variable-instance?processInstanceId=" + pi,
                    "/execution?processInstanceId=" + pi, "/job", "/incident", "/authorization?userIdIn=admin", "/deployment",
                    "/external-task", "/history/task")) {
                cell(agency, "GET", "/engine-rest" + path, null, Set.of(403));
            }
            // what its form shows: the task's form and its form variables
            String own = d.task(ex, ExchangeDriver.REVIEW_TASKS.get(agency)).getId();
            assertThat(Rest.ok(base, agency, "GET", "/engine-rest/task/" + own + "/form-variables", null)).isNotNull();
            assertThat(Rest.ok(base, agency, "GET", "/engine-rest/task/" + own + "/deployed-form", null).path("components").isArray())
                    .isTrue();
            cells += 2;
            cell(agency, "GET", "/engine-rest/process-instance/" + pi + "/variables", null, Set.of(403));
            cell(agency, "POST", "/engine-rest/process-definition/key/prisoner-exchange/start", "{}", Set.of(403));
            cell(agency, "POST", "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-pw-123\"}}", Set.of(403));
            cell(agency, "DELETE", "/engine-rest/process-instance/" + pi, null, Set.of(403));
        }
        JsonNode staffSees = Rest.ok(base, "coordination-staff", "GET", "/engine-rest/task?processInstanceBusinessKey=" + ex, null);
        cells++;
        assertThat(staffSees).as("the Staff sees no review task").isEmpty();
        // the neutral party works its own verification task in Tasklist, and sees no review task
        JsonNode neutralSees = Rest.ok(base, "neutral-party", "GET", "/engine-rest/task?processInstanceBusinessKey=" + ex, null);
        cells++;
        assertThat(neutralSees).as("the neutral party sees no review task").isEmpty();
        JsonNode all = Rest.ok(base, ADMIN, "GET", "/engine-rest/task?processInstanceBusinessKey=" + ex, null);
        cells++;
        assertThat(all).as("the administrator sees every task").hasSize(6);
        assertThat(Rest.ok(base, ADMIN, "GET", "/engine-rest/process-instance?businessKey=" + ex, null)).isNotEmpty();
        cells++;

        // completing: another agency's task is refused, and so is rewriting the process's variables
        Task defenceTask = d.task(ex, "Task_ReviewDefence");
        String approve = "{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}"; // no objection: approve all
        for (String other : List.of("military-intelligence", "security-service", "foreign-intelligence", "interior",
                "ombudsman", "neutral-party", "coordination-staff")) {
            cell(other, "POST", "/engine-rest/task/" + defenceTask.getId() + "/claim",
                    "{\"userId\":\"" + ExchangeDriver.userOf(other) + "\"}", Set.of(403, 404));
            assertThat(tasks.createTaskQuery().taskId(defenceTask.getId()).singleResult().getAssignee()).isNull();
            cell(other, "POST", "/engine-rest/task/" + defenceTask.getId() + "/complete", approve, Set.of(403, 404));
        }
        cell("defence", "PUT", "/engine-rest/task/" + defenceTask.getId() + "/variables/parityHolds",
                "{\"value\":true,\"type\":\"Boolean\"}", Set.of(403));
        cell("defence", "POST", "/engine-rest/task/" + defenceTask.getId() + "/variables",
                "{\"modifications\":{\"exchangeId\":{\"value\":\"x\",\"type\":\"String\"}}}", Set.of(403));
        assertThat(tasks.createTaskQuery().taskId(defenceTask.getId()).singleResult()).isNotNull();
        cell("defence", "POST", "/engine-rest/task/" + defenceTask.getId() + "/claim", "{\"userId\":\"defence\"}", Set.of(204));
        cell("defence", "POST", "/engine-rest/task/" + defenceTask.getId() + "/complete", approve, Set.of(204));
        assertThat(tasks.createTaskQuery().taskId(defenceTask.getId()).singleResult()).isNull();
        System.out.println("ACCESS /engine-rest cells checked: " + cells);
    }

    /**
     * The neutral party: fetch-and-lock, extend, complete its topic's external task with its results, and
     * read what its task needs; nothing else of the engine (messages, variables, suspension, jobs, modification).
     */
    @Test
    void theNeutralPartyWorksItsExternalTaskAndNothingElse() {
        String ex = d.createExchange("ACCESS-NEUTRAL-1", 1, List.of(1));
        d.draftAndClearReview(ex, List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null)), () -> runJobs(ex));
        d.counterpartyListsMatchingOurs(ex, "CP-ACCESS-1");
        String vpi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("neutral-verification").singleResult().getId();
        String fetch = "{\"workerId\":\"w\",\"maxTasks\":5,\"topics\":[{\"topicName\":\"neutral-verification\","
                + "\"lockDuration\":60000,\"businessKey\":\"" + ex + "\",\"variables\":[\"exchangeId\"]}]}";
        // not for the Staff, nor an agency
        cell("coordination-staff", "POST", "/engine-rest/external-task/fetchAndLock", fetch, Set.of(403));
        cell("security-service", "POST", "/engine-rest/external-task/fetchAndLock", fetch, Set.of(403));
        // other topics, all variables, local variables: refused
        cell("neutral-party", "POST", "/engine-rest/external-task/fetchAndLock", fetch.replace("\"neutral-verification\"",
                "\"handover\""), Set.of(403));
        cell("neutral-party", "POST", "/engine-rest/external-task/fetchAndLock", fetch.replace(",\"variables\":[\"exchangeId\"]", ""),
                Set.of(400));
        cell("neutral-party", "POST", "/engine-rest/external-task/fetchAndLock", fetch.replace("\"exchangeId\"", "\"parityHolds\""),
                Set.of(403));
        // its own: fetched, with what the task needs
        JsonNode locked = Rest.ok(base, "neutral-party", "POST", "/engine-rest/external-task/fetchAndLock", fetch);
        cells++;
        assertThat(locked).hasSize(1);
        assertThat(locked.get(0).path("variables").path("exchangeId").path("value").asText()).isEqualTo(ex);
        String task = locked.get(0).get("id").asText();
        Map<String, Object> varsBefore = runtime.getVariables(vpi);
        // the engine's other doors stay shut
        cell("neutral-party", "POST", "/engine-rest/message", "{\"messageName\":\"VerificationCompleted\",\"businessKey\":\"" + ex + "\"}",
                Set.of(403));
        cell("neutral-party", "POST", "/engine-rest/message", "{\"messageName\":\"CounterpartyListsReceived\",\"businessKey\":\"" + ex + "\"}",
                Set.of(403));
        cell("neutral-party", "PUT", "/engine-rest/process-instance/" + vpi + "/variables/exchangeId", "{\"value\":\"x\",\"type\":\"String\"}",
                Set.of(403));
        cell("neutral-party", "POST", "/engine-rest/process-instance/" + vpi + "/variables",
                "{\"modifications\":{\"x\":{\"value\":\"" + "x".repeat(1000) + "\",\"type\":\"Json\"}}}", Set.of(403));
        cell("neutral-party", "PUT", "/engine-rest/process-instance/" + vpi + "/suspended", "{\"suspended\":true}", Set.of(403));
        cell("neutral-party", "POST", "/engine-rest/process-instance/" + vpi + "/modification", "{\"instructions\":[]}", Set.of(403));
        cell("neutral-party", "GET", "/engine-rest/process-instance/" + vpi + "/variables", null, Set.of(403));
        for (org.camunda.bpm.engine.runtime.Job j : management.createJobQuery().processInstanceId(vpi).list()) {
            cell("neutral-party", "PUT", "/engine-rest/job/" + j.getId() + "/duedate", "{\"duedate\":\"2036-01-01T00:00:00.000+0000\"}",
                    Set.of(403));
            cell("neutral-party", "PUT", "/engine-rest/job/" + j.getId() + "/retries", "{\"retries\":0}", Set.of(403));
            assertThat(management.createJobQuery().jobId(j.getId()).singleResult().getRetries()).isEqualTo(j.getRetries());
            assertThat(management.createJobQuery().jobId(j.getId()).singleResult().getDuedate()).isEqualTo(j.getDuedate());
        }
        // an agency may not touch the neutral party's task
        cell("security-service", "POST", "/engine-rest/external-task/" + task + "/complete",
                "{\"workerId\":\"w\",\"variables\":{}}", Set.of(403));
        // its completion carries its results only, well-formed
        Rest.Answer extra = Rest.call(base, "neutral-party", "POST", "/engine-rest/external-task/" + task + "/complete",
                "{\"workerId\":\"w\",\"variables\":{\"verificationResults\":{\"value\":\"[]\",\"type\":\"String\"},"
                        + "\"exchangeId\":{\"value\":\"x\",\"type\":\"String\"}}}");
        cells++;
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body().path("field").asText()).isEqualTo("exchangeId");
        Rest.Answer malformed = Rest.call(base, "neutral-party", "POST", "/engine-rest/external-task/" + task + "/complete",
                "{\"workerId\":\"w\",\"variables\":{\"verificationResults\":{\"value\":\"[{\\\"personId\\\":\\\"abc\\\"}]\","
                        + "\"type\":\"String\"}}}");
        cells++;
        assertThat(malformed.status()).as(malformed.raw()).isEqualTo(400);
        assertThat(malformed.body().path("field").asText()).isEqualTo("verificationResults[0].personId");
        Rest.Answer notJson = Rest.call(base, "neutral-party", "POST", "/engine-rest/external-task/" + task + "/complete",
                "{\"workerId\":\"w\",\"variables\":{\"verificationResults\":{\"value\":\"{oops\",\"type\":\"String\"}}}");
        cells++;
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().path("field").asText()).isEqualTo("verificationResults");
        assertThat(notJson.raw()).doesNotContain("RestException", "Exception");
        assertThat(runtime.getVariables(vpi)).as("nothing written").isEqualTo(varsBefore);
        // allowed cells do what they should: extend the lock, then complete with the results
        cell("neutral-party", "POST", "/engine-rest/external-task/" + task + "/extendLock", "{\"workerId\":\"w\",\"newDuration\":60000}",
                Set.of(204));
        String results = Rest.ok(base, "neutral-party", "GET", "/api/exchanges/" + ex + "/verification-requests", null).findValues("personId")
                .stream().map(id -> "{\\\"personId\\\":" + id.asLong() + ",\\\"outcome\\\":\\\"VERIFIED\\\","
                        + "\\\"consent\\\":{\\\"interviewedOn\\\":\\\"2026-11-30\\\",\\\"outcome\\\":"
                        + "\\\"WANTS_REPATRIATION\\\",\\\"delegateRef\\\":\\\"DLG-07\\\"}}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        cell("neutral-party", "POST", "/engine-rest/external-task/" + task + "/complete",
                "{\"workerId\":\"w\",\"variables\":{\"verificationResults\":{\"value\":\"" + results + "\",\"type\":\"String\"}}}",
                Set.of(204));
        assertThat(externalTasks.createExternalTaskQuery().externalTaskId(task).count()).isZero();
        System.out.println("ACCESS neutral party cells checked: " + cells);
    }
}
