package org.powexchange.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exchange driven over HTTP against a running node, the way integrators (/api) and officials
 * (/engine-rest task completion) do. Works through stage names from GET /api/exchanges/{id} and task
 * definition keys, so it survives changes inside the stages.
 */
public final class Rest {

    public static final Map<String, String> USERS = org.powexchange.ExchangeDriver.USERS;
    public static final Map<String, String> REVIEW_TASKS = org.powexchange.ExchangeDriver.REVIEW_TASKS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, JsonNode body, String raw, String contentType) {
        public Answer(int status, JsonNode body, String raw) {
            this(status, body, raw, "");
        }
    }

    private Rest() {
    }

    public static Answer call(String base, String group, String method, String path, Object body) {
        try {
            byte[] bytes = body == null ? null
                    : (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            return raw(base, group, method, path, body == null ? null : "application/json", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any request: auth is a group of {@link #USERS}, "user:password", or null for none. */
    public static Answer raw(String base, String auth, String method, String path, String contentType, byte[] body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (auth != null) {
                String up = USERS.getOrDefault(auth, auth);
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(up.getBytes(StandardCharsets.UTF_8)));
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            try {
                node = r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (IOException e) {
                // not JSON
            }
            return new Answer(r.statusCode(), node, r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode ok(String base, String group, String method, String path, Object body) {
        Answer a = call(base, group, method, path, body);
        if (a.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " as " + group + " -> " + a.status() + " " + a.raw());
        }
        return a.body();
    }

    public static String createExchange(String base, String ref, List<Integer> phases) {
        int formula = phases.stream().mapToInt(Integer::intValue).sum();
        return ok(base, "coordination-staff", "POST", "/api/exchanges",
                Map.of("agreementRef", ref, "formulaSize", formula, "phaseSizes", phases)).get("id").asText();
    }

    public static String stage(String base, String ex) {
        return ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex, null).get("stage").asText();
    }

    /** n people on each side, all alive, none art. 109. */
    public static void submitCandidates(String base, String ex, int n) {
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String suffix = String.valueOf((char) ('a' + (i - 1) % 26));
            records.add(person("H-" + i, "BRING_HOME", "Testenko-" + suffix, "Ivan", "CONFIRMED_ALIVE"));
            records.add(person("R-" + i, "RELEASE", "Fiktivov-" + suffix, "Boris", null));
        }
        ok(base, "coordination-staff", "POST", "/api/exchanges/" + ex + "/candidates", Map.of("records", records));
    }

    private static Map<String, Object> person(String ref, String side, String family, String given, String life) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("externalRef", ref);
        m.put("side", side);
        m.put("familyName", family);
        m.put("givenName", given);
        m.put("category", "MILITARY");
        m.put("seriouslyWoundedSick", false);
        if (life != null) {
            m.put("lifeStatus", life);
        }
        return m;
    }

    /** The ids of the open tasks with this key of the exchange, as the group sees them. */
    public static List<String> openTasks(String base, String group, String ex, String key) {
        JsonNode list = ok(base, group, "GET", "/engine-rest/task?processInstanceBusinessKey=" + ex
                + "&taskDefinitionKey=" + key, null);
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /** Claims and completes the single open task with this key, as a member of the group, over /engine-rest. */
    public static void complete(String base, String group, String ex, String key, Map<String, Object> variables) {
        // the step before the task may still be an asynchronous job (e.g. compiling the lists): wait for it
        List<String> ids = new java.util.ArrayList<>();
        try {
            await(key + " of " + ex, Duration.ofSeconds(90), () -> {
                ids.clear();
                ids.addAll(openTasks(base, group, ex, key));
                return !ids.isEmpty();
            });
        } catch (AssertionError e) {
            // reported below with what was found
        }
        if (ids.size() != 1) {
            throw new AssertionError("expected one open " + key + " of " + ex + " for " + group + ", found " + ids);
        }
        String user = USERS.get(group).split(":")[0];
        ok(base, group, "POST", "/engine-rest/task/" + ids.get(0) + "/claim", Map.of("userId", user));
        ok(base, group, "POST", "/engine-rest/task/" + ids.get(0) + "/complete", Map.of("variables", vars(variables)));
    }

    public static Map<String, Object> vars(Map<String, Object> variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> {
            try {
                out.put(k, v instanceof List<?> l ? Map.of("value", JSON.writeValueAsString(l), "type", "Json")
                        : Map.of("value", v, "type", v instanceof Number ? "Long" : v instanceof Boolean ? "Boolean" : "String"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /** Every agency approves: an agency review with no objection rows approves everyone in one step. */
    public static void reviewAll(String base, String ex) {
        REVIEW_TASKS.forEach((agency, key) -> approve(base, agency, ex, key));
    }

    /** One agency's review without objections (the dynamic list "objections" empty). */
    public static void approve(String base, String agency, String ex, String key) {
        complete(base, agency, ex, key, Map.of("objections", List.of()));
    }

    /** The other side sends lists naming exactly the people on ours: reconciliation finds no difference. */
    public static void counterpartyListsMatchingOurs(String base, String ex) {
        JsonNode ours = ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people?status=PROPOSED", null);
        List<Map<String, Object>> offered = new java.util.ArrayList<>();
        List<Map<String, Object>> requested = new java.util.ArrayList<>();
        ours.forEach(p -> {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("familyName", p.get("familyName").asText());
            named.put("givenName", p.get("givenName").asText());
            if (p.hasNonNull("birthDate")) {
                named.put("birthDate", p.get("birthDate").asText());
            }
            ("BRING_HOME".equals(p.get("side").asText()) ? offered : requested).add(named);
        });
        ok(base, "coordination-staff", "POST", "/api/exchanges/" + ex + "/counterparty-lists",
                Map.of("reference", "CP-" + ex.substring(0, 8), "offered", offered, "requested", requested));
    }

    public static void verifyAll(String base, String ex) {
        JsonNode awaiting = ok(base, "neutral-party", "GET", "/api/exchanges/" + ex + "/verification-requests", null);
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        awaiting.forEach(p -> results.add(Map.of("personId", p.get("personId").asLong(), "outcome", "VERIFIED",
                "evidence", "private interview", "consent", Map.of("interviewedOn", java.time.LocalDate.now().toString(),
                        "outcome", "WANTS_REPATRIATION", "delegateRef", "DLG-IT"))));
        ok(base, "neutral-party", "POST", "/api/exchanges/" + ex + "/verification-results", Map.of("results", results));
    }

    /** Interior and defence report transport, escort and documents ready for the running phase; the Staff gives go. */
    public static void readyAndGo(String base, String ex) {
        complete(base, "interior", ex, "Task_LogisticsInterior",
                Map.of("transportReady", true, "escortReady", true, "documentsReady", true));
        complete(base, "defence", ex, "Task_LogisticsDefence",
                Map.of("transportReady", true, "escortReady", true, "medicalEscortReady", true, "documentsReady", true));
        complete(base, "coordination-staff", ex, "Task_GoNoGo", Map.of("goDecision", "GO"));
    }

    /** After a phase: the ombudsman notifies the families, defence takes the returned wounded in (when any). */
    public static void afterPhase(String base, String ex) {
        List<String> notify = openTasks(base, "ombudsman", ex, "Task_NotifyFamilies");
        if (!notify.isEmpty()) {
            complete(base, "ombudsman", ex, "Task_NotifyFamilies", Map.of("families", allReached(base, notify.get(0))));
        }
        if (!openTasks(base, "defence", ex, "Task_MedicalIntake").isEmpty()) {
            complete(base, "defence", ex, "Task_MedicalIntake", Map.of("medicalFacility", "Central Military Hospital (invented)"));
        }
    }

    /** Every family listed in the task "Notify the families" reached: one row per person of the dynamic list. */
    static List<Map<String, Object>> allReached(String base, String taskId) {
        // as Tasklist reads what the form shows (an agency may not read task variables)
        JsonNode listed = ok(base, "ombudsman", "GET", "/engine-rest/task/" + taskId
                + "/form-variables?variableNames=families&deserializeValues=false", null).get("families");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        try {
            for (JsonNode f : JSON.readTree(listed.get("value").asText())) {
                rows.add(Map.of("personId", f.get("personId").asText(), "outcome", "REACHED"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static void ratify(String base, String ex, String signedAt) {
        ok(base, "coordination-staff", "POST", "/api/exchanges/" + ex + "/ratification",
                Map.of("documentRef", "RAT-" + ex.substring(0, 8), "signedAt", signedAt));
    }

    /** The other side's manifest of the phase (they brought everyone of ours scheduled), then everyone crossed. */
    public static void confirmPhase(String base, String ex, int phase) {
        recordManifest(base, ex, phase);
        confirmCrossing(base, ex, phase);
    }

    /** The Staff records through /api that the other side brought everyone of ours scheduled in the phase. */
    public static void recordManifest(String base, String ex, int phase) {
        JsonNode people = ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people?status=SCHEDULED", null);
        List<Long> home = new java.util.ArrayList<>();
        people.forEach(p -> {
            if (p.path("phaseNo").asInt() == phase && p.get("side").asText().equals("BRING_HOME")) {
                home.add(p.get("personId").asLong());
            }
        });
        ok(base, "coordination-staff", "POST", "/api/exchanges/" + ex + "/phases/" + phase + "/manifest",
                Map.of("brought", home));
    }

    /** Confirms that everyone scheduled for the phase crossed (after its manifest). */
    public static void confirmCrossing(String base, String ex, int phase) {
        JsonNode people = ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people?status=SCHEDULED", null);
        List<String> home = new java.util.ArrayList<>();
        List<String> released = new java.util.ArrayList<>();
        people.forEach(p -> {
            if (p.path("phaseNo").asInt() == phase) {
                (p.get("side").asText().equals("BRING_HOME") ? home : released).add(p.get("personId").asText());
            }
        });
        complete(base, "coordination-staff", ex, "Task_ConfirmHandover", Map.of("crossedHome", home, "crossedReleased", released));
    }

    /** Polls until the condition holds (for the job executor's work). */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
