package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.it.Rest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hostile suite over the whole attack surface: every completion path and every administrative
 * engine path in its plain form and with path parameters, encoded and doubled slashes, dot segments; as
 * each role; oversize chunked bodies; duplicate keys, deep nesting, overflowing numbers; Object
 * variables; missing content types; concurrent completions; the neutral party outside its task. Each
 * case asserts its status, that the answer leaks no stack trace or class name, and that nothing changed
 * (the project's tables and the engine's variables, jobs, suspensions, tasks and external tasks).
 */
class AttackSurfaceTest extends IntegrationTest {

    static final String ADMIN = "admin:demo-admin-pw";
    static final List<String> LEAKS = List.of("Exception", "\tat ", "org.camunda", "org.springframework", "java.lang",
            "java.util", "Dto\"", "Dto ", "jakarta.");

    @Autowired
    JdbcClient jdbc;

    String base;
    final Map<String, int[]> figures = new TreeMap<>(); // category -> {cases, 5xx, unexpected changes}
    final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
    }

    // ---- the world each case must leave as it found it ----

    /**
     * The project's table sizes and every runtime row of the engine that a request could change, with its
     * revision: the engine raises a row's revision with every update (optimistic locking), so a variable
     * rewritten, a job's retries, due date or suspension, a task's assignee, an execution's suspension, an
     * external task's lock all show, as do rows added or removed. Read with SQL, not through the engine's
     * queries, which deserialize every variable's value (the cost grew with every exchange of the suite).
     */
    private String fingerprint() {
        StringBuilder f = new StringBuilder(jdbc.sql("select (select count(*) from exchange) || '/' || (select count(*) from person)"
                + " || '/' || (select count(*) from audit_event) || '/' || (select count(*) from list_entry)").query(String.class).single());
        for (String sql : ENGINE_ROWS) {
            f.append('|');
            jdbc.sql(sql).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    f.append(rs.getString(i)).append(i < columns ? ':' : ',');
                }
            });
        }
        return f.toString();
    }

    static final List<String> ENGINE_ROWS = List.of(
            "select id_, rev_, name_, type_ from act_ru_variable order by id_",
            "select id_, rev_, retries_, duedate_, suspension_state_, lock_owner_ from act_ru_job order by id_",
            "select id_, rev_, suspension_state_ from act_ru_execution order by id_",
            "select id_, rev_, assignee_, suspension_state_ from act_ru_task order by id_",
            "select id_, rev_, retries_, worker_id_, suspension_state_ from act_ru_ext_task order by id_");

    /** One hostile case: its status among the expected, no leak, nothing changed. */
    private Rest.Answer hostile(String category, String auth, String method, String path, String contentType, byte[] body,
                                Set<Integer> expected) {
        String before = fingerprint();
        Rest.Answer a = send(auth, method, path, contentType, body);
        String after = fingerprint();
        int[] f = figures.computeIfAbsent(category, k -> new int[3]);
        f[0]++;
        String what = category + ": " + method + " " + path + " as " + auth + " -> " + a.status() + " "
                + a.raw().substring(0, Math.min(300, a.raw().length()));
        if (a.status() >= 500) {
            f[1]++;
        }
        if (!after.equals(before)) {
            f[2]++;
            failures.add("CHANGED " + what);
        }
        if (!expected.contains(a.status())) {
            failures.add("STATUS (expected " + expected + ") " + what);
        }
        for (String leak : LEAKS) {
            if (a.raw().contains(leak)) {
                failures.add("LEAK '" + leak + "' " + what);
            }
        }
        return a;
    }

    private Rest.Answer hostile(String category, String auth, String method, String path, String json, Set<Integer> expected) {
        return hostile(category, auth, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends the path as given (no normalisation), chunked when the content type ends with ";chunked". */
    private Rest.Answer send(String auth, String method, String path, String contentType, byte[] body) {
        boolean chunked = contentType != null && contentType.endsWith(";chunked");
        String type = chunked ? contentType.substring(0, contentType.length() - 8) : contentType;
        if (!chunked) {
            return Rest.raw(base, auth, method, path, type, body);
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            String up = Rest.USERS.getOrDefault(auth, auth);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(up.getBytes(StandardCharsets.UTF_8)));
            b.header("Content-Type", type);
            // an input stream of unknown length goes out with Transfer-Encoding: chunked
            b.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Rest.Answer(r.statusCode(), null, r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            // the server may close the connection after answering 413 while the client still sends
            return new Rest.Answer(413, null, "connection closed by the server: " + e.getClass().getSimpleName().replace("Exception", ""), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path with a path parameter, an encoded slash, a doubled slash, a dot segment, an encoded dot. */
    static Map<String, String> variants(String path) {
        int last = path.lastIndexOf('/');
        Map<String, String> v = new LinkedHashMap<>();
        v.put("path parameter", path + ";x=1");
        v.put("jsessionid", path + ";jsessionid=1");
        v.put("parameter mid-path", path.substring(0, last) + ";x=1" + path.substring(last));
        v.put("encoded slash", path.substring(0, last) + "%2F" + path.substring(last + 1));
        v.put("double slash", path.substring(0, last) + "/" + path.substring(last));
        v.put("dot segment", path.substring(0, last) + "/." + path.substring(last));
        v.put("encoded dot", path.substring(0, last) + "/%2e" + path.substring(last));
        return v;
    }

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

    @Test
    void theAttackSurfaceIsClosed() throws Exception {
        String ex = exchangeInReview("ATTACK-1");
        Task sbuTask = d.task(ex, "Task_ReviewSecurityService");
        String t = sbuTask.getId();
        ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceId(sbuTask.getProcessInstanceId()).singleResult();
        String pi = review.getId();
        List<Job> jobs = management.createJobQuery().processInstanceId(pi).list();
        assertThat(jobs).as("the review has its timers").isNotEmpty();
        String job = jobs.get(0).getId();
        String approve = "{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}";
        String foreign = "{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"},"
                + "\"exchangeId\":{\"value\":\"x\",\"type\":\"String\"}}}";

        // 1. every form of every completion path: the firewall refuses it before anything routes it
        List<String> completions = List.of("/engine-rest/task/" + t + "/complete", "/engine-rest/task/" + t + "/submit-form",
                "/engine-rest/engine/default/task/" + t + "/complete", "/engine-rest/engine/default/task/" + t + "/submit-form",
                "/camunda/api/engine/engine/default/task/" + t + "/complete",
                "/camunda/api/engine/engine/default/task/" + t + "/submit-form",
                "/engine-rest/external-task/" + t + "/complete", "/camunda/api/engine/task/" + t + "/complete");
        for (String path : completions) {
            for (Map.Entry<String, String> v : variants(path).entrySet()) {
                for (String who : List.of("security-service", ADMIN)) {
                    hostile("completion path forms", who, "POST", v.getValue(), foreign, Set.of(400));
                }
            }
            // and in plain form a foreign variable is refused, naming it
            if (!path.contains("external-task") && !path.startsWith("/camunda")) {
                Rest.Answer a = hostile("completion with a foreign variable", "security-service", "POST", path, foreign, Set.of(400));
                assertThat(a.raw()).contains("exchangeId");
            }
        }
        // the webapp's path without its session: 401, never the engine
        hostile("completion path forms", "security-service", "POST", completions.get(4), approve, Set.of(401));

        // 2. administrative engine paths: refused for every role but administrators, in every form
        Map<String, String> admin = new LinkedHashMap<>();
        admin.put("POST /job/" + job + "/execute", null);
        admin.put("PUT /job/" + job + "/retries", "{\"retries\":0}");
        admin.put("PUT /job/" + job + "/duedate", "{\"duedate\":\"2036-01-01T00:00:00.000+0000\"}");
        admin.put("PUT /job/" + job + "/suspended", "{\"suspended\":true}");
        admin.put("POST /job/retries", "{\"jobIds\":[\"" + job + "\"],\"retries\":0}");
        admin.put("GET /job", null);
        admin.put("GET /incident", null);
        admin.put("POST /process-instance/" + pi + "/variables", "{\"modifications\":{\"exchangeId\":{\"value\":\"x\",\"type\":\"String\"}}}");
        admin.put("PUT /process-instance/" + pi + "/variables/smuggled", "{\"value\":\"x\",\"type\":\"String\"}");
        admin.put("PUT /process-instance/" + pi + "/suspended", "{\"suspended\":true}");
        admin.put("POST /process-instance/" + pi + "/modification", "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_ReviewSecurityService\"}]}");
        admin.put("GET /process-instance/" + pi + "/variables", null);
        admin.put("POST /migration/execute", "{\"migrationPlan\":{},\"processInstanceIds\":[\"" + pi + "\"]}");
        admin.put("POST /message", "{\"messageName\":\"CounterpartyListsReceived\",\"businessKey\":\"" + ex + "\"}");
        admin.put("POST /signal", "{\"name\":\"anything\"}");
        admin.put("POST /task/" + t + "/variables", "{\"modifications\":{\"parityHolds\":{\"value\":true,\"type\":\"Boolean\"}}}");
        admin.put("PUT /task/" + t + "/variables/parityHolds", "{\"value\":true,\"type\":\"Boolean\"}");
        admin.put("POST /execution/" + sbuTask.getExecutionId() + "/localVariables", "{\"modifications\":{}}");
        admin.put("POST /process-definition/key/prisoner-exchange/start", "{}");
        admin.put("POST /user/create", "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-pw-123\"}}");
        admin.put("POST /authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"sbu\",\"resourceType\":8,\"resourceId\":\"*\"}");
        admin.put("DELETE /process-instance/" + pi, null);
        admin.put("PUT /external-task/retries", "{\"externalTaskIds\":[],\"retries\":0}");
        admin.put("POST /condition", "{\"variables\":{}}");
        admin.put("GET /history/variable-instance", null);
        admin.put("GET /deployment", null);
        for (Map.Entry<String, String> e : admin.entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = "/engine-rest" + e.getKey().substring(method.length() + 1);
            hostile("admin paths, no credentials", null, method, path, e.getValue(), Set.of(401));
            for (String who : List.of("coordination-staff", "security-service", "neutral-party")) {
                hostile("admin paths, plain, as a role", who, method, path, e.getValue(), Set.of(403));
            }
            for (Map.Entry<String, String> v : variants(path).entrySet()) {
                hostile("admin path forms", "security-service", method, v.getValue(), e.getValue(), Set.of(400));
            }
            String webapp = path.replace("/engine-rest/", "/camunda/api/engine/engine/default/");
            hostile("admin paths via the webapp, no session", "security-service", method, webapp, e.getValue(), Set.of(401));
        }
        // the job-execute case: repeated, still no effect
        int retries = management.createJobQuery().jobId(job).singleResult().getRetries();
        for (int i = 0; i < 3; i++) {
            hostile("refused job execution has no effect", "security-service", "POST", "/engine-rest/job/" + job + "/execute", null, Set.of(403));
        }
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(retries);

        // 3. bytes: oversize bodies, chunked and declared, everywhere
        byte[] big = ("{\"agreementRef\":\"" + "A".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/exchanges", "/api/exchanges/" + ex + "/candidates", "/engine-rest/task",
                "/engine-rest/task/" + t + "/complete", "/api/exchanges/" + ex + "/counterparty-lists")) {
            hostile("oversize bodies (chunked)", "coordination-staff", "POST", path, "application/json;chunked", big, Set.of(413));
            hostile("oversize bodies (declared)", "coordination-staff", "POST", path, "application/json", big, Set.of(413));
            hostile("oversize bodies (chunked, no JSON type)", "coordination-staff", "POST", path, "text/plain;chunked", big,
                    Set.of(413, 415));
        }

        // 4. JSON: duplicate keys, deep nesting, long numbers, overflowing sums
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Map<String, String> json = new LinkedHashMap<>();
        json.put("duplicate key", "{\"agreementRef\":\"DUP-1\",\"agreementRef\":\"DUP-2\",\"formulaSize\":1,\"phaseSizes\":[1]}");
        json.put("nested 10,000 deep", "{\"agreementRef\":\"DEEP\",\"formulaSize\":1,\"phaseSizes\":" + deep + "}");
        json.put("number of 1000 digits", "{\"agreementRef\":\"NUM\",\"formulaSize\":1" + "0".repeat(1000) + ",\"phaseSizes\":[1]}");
        json.put("phase sizes overflow an int", "{\"agreementRef\":\"OVF-1\",\"formulaSize\":1,\"phaseSizes\":[2147483647,2147483647,3]}");
        json.put("phase size beyond the bound", "{\"agreementRef\":\"OVF-2\",\"formulaSize\":100000,\"phaseSizes\":[4294967296]}");
        json.put("negative phase size", "{\"agreementRef\":\"OVF-3\",\"formulaSize\":1,\"phaseSizes\":[2,-1]}");
        for (Map.Entry<String, String> e : json.entrySet()) {
            hostile("JSON bounds (/api)", "coordination-staff", "POST", "/api/exchanges", e.getValue(), Set.of(400));
        }
        for (String path : completions.subList(0, 4)) {
            hostile("JSON bounds (completions)", "security-service", "POST", path,
                    "{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"},\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}", Set.of(400));
            hostile("JSON bounds (completions)", "security-service", "POST", path,
                    "{\"variables\":{\"objections\":{\"value\":\"" + deep + "\",\"type\":\"Json\"}}}", Set.of(400));
            hostile("JSON bounds (completions)", "security-service", "POST", path, "{\"variables\":" + deep + "}", Set.of(400));
        }
        hostile("JSON bounds (engine)", "security-service", "POST", "/engine-rest/task", "{\"active\":true,\"active\":false}", Set.of(400));
        hostile("JSON bounds (engine)", ADMIN, "POST", "/engine-rest/process-instance/" + pi + "/variables",
                "{\"modifications\":{\"deep\":{\"value\":\"" + deep + "\",\"type\":\"Json\"}}}", Set.of(400));

        // 5. content types and empty bodies of completions (a cross-site form post cannot send JSON)
        for (String path : completions.subList(0, 4)) {
            hostile("completion content type", "security-service", "POST", path, null, null, Set.of(415));
            hostile("completion content type", "security-service", "POST", path, "text/plain", approve.getBytes(), Set.of(415));
            hostile("completion content type", "security-service", "POST", path, "application/x-www-form-urlencoded",
                    "variables=x".getBytes(), Set.of(415));
            hostile("completion content type", "security-service", "POST", path, "application/json", new byte[0], Set.of(400));
        }

        // 6. Object variables, on every path that takes variables, for every caller
        List<String> objectTypes = List.of("java.util.ArrayList<java.net.URL>", "java.util.HashMap<java.lang.String,java.io.File>",
                "java.util.ArrayList<java.lang.Thread>", "java.util.ArrayList", "java.lang.ProcessBuilder");
        for (String type : objectTypes) {
            String object = "{\"value\":\"[\\\"file:///etc/passwd\\\"]\",\"type\":\"Object\",\"valueInfo\":"
                    + "{\"serializationDataFormat\":\"application/json\",\"objectTypeName\":\"" + type + "\"}}";
            for (String path : completions.subList(0, 4)) {
                hostile("Object variables", "security-service", "POST", path, "{\"variables\":{\"objections\":" + object + "}}", Set.of(400));
            }
            hostile("Object variables", ADMIN, "PUT", "/engine-rest/process-instance/" + pi + "/variables/smuggled", object, Set.of(400));
            hostile("Object variables", ADMIN, "POST", "/engine-rest/process-instance/" + pi + "/variables",
                    "{\"modifications\":{\"smuggled\":" + object + "}}", Set.of(400));
            hostile("Object variables", ADMIN, "POST", "/engine-rest/message",
                    "{\"messageName\":\"x\",\"processVariables\":{\"smuggled\":" + object + "}}", Set.of(400));
        }

        // 7. /api input (names, expressions, unknown ids), in every caller's shoes
        for (String evil : List.of("x'; drop table exchange; --", "<script>alert(1)</script>", "${7*7}", "#{1}", "../../etc/passwd")) {
            hostile("/api hostile values", "coordination-staff", "POST", "/api/exchanges",
                    "{\"agreementRef\":\"" + evil.replace("\"", "") + "\",\"formulaSize\":1,\"phaseSizes\":[1]}", Set.of(400));
            for (String who : List.of("security-service", "neutral-party")) {
                hostile("/api foreign roles", who, "POST", "/api/exchanges",
                        "{\"agreementRef\":\"R-" + who + "\",\"formulaSize\":1,\"phaseSizes\":[1]}", Set.of(403));
            }
        }
        for (Map.Entry<String, String> v : variants("/api/exchanges/" + ex + "/ratification").entrySet()) {
            hostile("/api path forms", "coordination-staff", "POST", v.getValue(),
                    "{\"documentRef\":\"R-1\",\"signedAt\":\"2026-01-01T00:00:00Z\"}", Set.of(400));
        }
        hostile("/api unknown path", "coordination-staff", "POST", "/api/exchanges/" + ex + "/anything", "{}", Set.of(403));
        // a method the resource does not have, on a path the Staff reads: 405 (Allow: GET); refused all the same
        hostile("/api unknown method", "coordination-staff", "DELETE", "/api/exchanges/" + ex, null, Set.of(405));
        hostile("/api unknown method", "defence", "DELETE", "/api/exchanges/" + ex, null, Set.of(403)); // not its path at all

        // 8. the engine's own refusals, even an administrator's, are problem documents without class names
        hostile("engine errors as problems", ADMIN, "POST", "/engine-rest/message",
                "{\"messageName\":\"NoSuchMessage\",\"businessKey\":\"" + ex + "\"}", Set.of(400));
        hostile("engine errors as problems", ADMIN, "GET", "/engine-rest/process-instance?sortBy=bogus&sortOrder=asc", null, Set.of(400));
        // the engine's query bodies ignore what they do not know (its choice, read-only): answered, never a 500
        hostile("engine errors as problems", ADMIN, "POST", "/engine-rest/process-instance", "{\"sorting\":[{\"sortBy\":\"bogus\"}]}",
                Set.of(200, 400));
        hostile("engine errors as problems", ADMIN, "POST", "/engine-rest/process-instance", "{\"unknownField\":1}", Set.of(200, 400));
        hostile("engine errors as problems", "coordination-staff", "GET", "/engine-rest/task/no-such-task", null, Set.of(404));
        hostile("engine errors as problems", "coordination-staff", "POST", "/engine-rest/task/no-such-task/complete", "{}", Set.of(404));
        hostile("engine errors as problems", "neutral-party", "POST", "/engine-rest/external-task/no-such-task/complete",
                "{\"workerId\":\"w\"}", Set.of(404));

        // the task is still open and the Security Service can still complete it properly
        assertThat(tasks.createTaskQuery().taskId(t).count()).isEqualTo(1);
        report();
        Rest.Answer claim = Rest.call(base, "security-service", "POST", "/engine-rest/task/" + t + "/claim", "{\"userId\":\"sbu\"}");
        assertThat(claim.status()).isEqualTo(204);
        Rest.Answer done = Rest.call(base, "security-service", "POST", "/engine-rest/task/" + t + "/complete", approve);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        assertThat(runtime.getVariable(pi, "smuggled")).isNull();
    }

    /** Ten simultaneous completions of one task: one 204, the others 409 or 404; never a 500. */
    @Test
    @AlsoOnPostgres // the engine's optimistic locking is the database's
    void concurrentCompletionsGiveOneSuccessAndConflicts() throws Exception {
        String ex = exchangeInReview("ATTACK-RACE");
        Task task = d.task(ex, "Task_ReviewDefence");
        assertThat(Rest.call(base, "defence", "POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"defence\"}")
                .status()).isEqualTo(204);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Rest.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<Rest.Answer>) () -> {
                start.await();
                return Rest.call(base, "defence", "POST", "/engine-rest/task/" + task.getId() + "/complete",
                        "{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Rest.Answer> f : answers) {
            Rest.Answer a = f.get();
            statuses.add(a.status());
            for (String leak : LEAKS) {
                assertThat(a.raw()).doesNotContain(leak);
            }
        }
        pool.shutdown();
        int[] f = figures.computeIfAbsent("concurrent completions", k -> new int[3]);
        f[0] += 10;
        f[1] += (int) statuses.stream().filter(s -> s >= 500).count();
        assertThat(statuses).as("statuses " + statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses).as("statuses " + statuses).filteredOn(s -> s != 204).allMatch(s -> s == 409 || s == 404);
        report();
    }

    private void report() {
        int cases = 0;
        int fives = 0;
        int changes = 0;
        for (Map.Entry<String, int[]> e : figures.entrySet()) {
            System.out.printf("HOSTILE %-45s %4d cases, %d x 5xx, %d unexpected changes%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[2]);
            cases += e.getValue()[0];
            fives += e.getValue()[1];
            changes += e.getValue()[2];
        }
        System.out.printf("HOSTILE total %d cases, %d x 5xx, %d unexpected changes%n", cases, fives, changes);
        assertThat(failures).as("failed cases").isEmpty();
        assertThat(fives).as("5xx answers").isZero();
        assertThat(changes).as("unexpected changes").isZero();
    }
}
