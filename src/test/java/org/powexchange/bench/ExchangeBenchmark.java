package org.powexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The 1000-for-1000 benchmark: starts the packaged application on a fresh embedded H2 file database
 * ({@code -Xmx512m}, job executor on, simulated neutral party off) and drives one whole exchange through
 * {@code /api} and the engine REST API only, as the integrating systems and the officials would (HTTP Basic
 * as the demo users, one keep-alive HTTP/1.1 client). Prints the time of each stage, requests per second,
 * request latencies, the application's peak resident memory, the database size, and the time the bare
 * engine takes for 2,000 trivial process instances (deployed into the same application through the engine
 * REST API and started over HTTP; and in an in-process engine of this JVM).
 *
 * <p>Run with {@code scripts/bench-exchange.sh}. Not a test: it is never run by {@code ./mvnw verify}.
 */
public final class ExchangeBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> USERS = Map.of(
            "staff", "demo-staff-pw", "defence", "demo-defence-pw", "hur", "demo-hur-pw", "sbu", "demo-sbu-pw",
            "szru", "demo-szru-pw", "interior", "demo-interior-pw", "ombudsman", "demo-ombudsman-pw",
            "icrc", "demo-icrc-pw", "admin", "demo-admin-pw");
    static final Map<String, String> REVIEWS = new LinkedHashMap<>();

    static {
        REVIEWS.put("Task_ReviewDefence", "defence");
        REVIEWS.put("Task_ReviewMilitaryIntelligence", "hur");
        REVIEWS.put("Task_ReviewSecurityService", "sbu");
        REVIEWS.put("Task_ReviewForeignIntelligence", "szru");
        REVIEWS.put("Task_ReviewInterior", "interior");
        REVIEWS.put("Task_ReviewOmbudsman", "ombudsman");
    }

    final String base;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>(); // {nanos, index}
    final List<String> slow = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong requests = new AtomicLong();
    final Random random = new Random(1000);
    final Map<String, Long> stageMillis = new LinkedHashMap<>();
    final int formula;
    final List<Integer> phases;

    ExchangeBenchmark(String base, int formula, List<Integer> phases) {
        this.base = base;
        this.formula = formula;
        this.phases = phases;
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(arg(args, 0, "target/pow-exchange-0.1.0-SNAPSHOT.jar"));
        int port = Integer.parseInt(arg(args, 1, "8190"));
        int formula = 1000;
        List<Integer> phases = List.of(390, 307, 303);
        Path dir = Files.createTempDirectory("pow-bench-");
        Path log = dir.resolve("app.log");
        System.out.printf(Locale.ROOT, "1000-for-1000 benchmark: %s on port %d, database %s%n", jar, port, dir);
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("pow") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--powexchange.demo.simulated-neutral-party.enabled=false",
                "--camunda.bpm.job-execution.enabled=true"));
        Collections.addAll(cmd, extraAppArgs());
        try (java.net.Socket busy = new java.net.Socket("127.0.0.1", port)) {
            System.out.println("port " + port + " is in use: stop what listens there first");
            System.exit(2);
        } catch (IOException free) {
            // the port is free
        }
        long t0 = System.nanoTime();
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MemorySampler mem = new MemorySampler(app.pid());
        Thread sampler = new Thread(mem, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int exit = 0;
        try {
            ExchangeBenchmark b = new ExchangeBenchmark("http://127.0.0.1:" + port, formula, phases);
            b.awaitUp(app, Duration.ofMinutes(4));
            System.out.printf(Locale.ROOT, "application started in %.1f s (RSS %d MB)%n",
                    (System.nanoTime() - t0) / 1e9, mem.rssKb / 1024);
            b.getJson("staff", "/api/exchanges"); // the first request initialises the web layer: not counted
            b.latencies.clear();
            b.requests.set(0);
            mem.resetPeak();
            b.runExchange();
            b.report(mem, dir);
            b.engineReference();
            System.out.printf(Locale.ROOT, "application peak RSS over the whole run (VmHWM incl. start-up): %d MB%n",
                    mem.hwmKb / 1024);
        } catch (Exception | AssertionError e) {
            System.out.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.out);
            System.out.println("application log: " + log);
            exit = 1;
        } finally {
            mem.stop = true;
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (exit == 0) {
            System.out.println("application log: " + log);
        }
        System.exit(exit);
    }

    static String[] extraAppArgs() {
        String extra = System.getProperty("bench.appArgs", "").trim();
        return extra.isEmpty() ? new String[0] : extra.split("\\s+");
    }

    static String arg(String[] args, int i, String def) {
        return args.length > i ? args[i] : def;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    void awaitUp(Process app, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited with " + app.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start in " + max);
    }

    // ---------------------------------------------------------------- the exchange

    String ex;
    final List<SyntheticPeople.Person> home = new ArrayList<>();

    void runExchange() throws Exception {
        long start = System.nanoTime();
        stage("1 create exchange", () -> {
            ex = post("staff", "/api/exchanges", Map.of("agreementRef", "BENCH-" + System.currentTimeMillis(),
                    "formulaSize", formula, "phaseSizes", phases, "title", "Benchmark 1000 for 1000"), 201).get("id").asText();
        });
        stage("2 import sources and candidates", this::importSources);
        stage("3 drafting (duplicates, confirm lists)", this::drafting);
        stage("4 interagency review (6 agencies, objections, resolution, re-review)", this::review);
        stage("5 counterparty lists", this::counterparty);
        stage("6 verification in bulk (failures, replacements)", this::verification);
        stage("7 ratification", this::ratification);
        for (int n = 1; n <= phases.size(); n++) {
            int phase = n;
            stage("8." + n + " phase " + n + " (logistics, go, manifest, bulk handover, families, medical)", () -> phase(phase));
        }
        stage("9 final report", this::finalReport);
        stageMillis.put("TOTAL exchange", (System.nanoTime() - start) / 1_000_000);
    }

    interface Step {
        void run() throws Exception;
    }

    void stage(String name, Step step) throws Exception {
        long t = System.nanoTime();
        long before = requests.get();
        step.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        stageMillis.put(name, ms);
        System.out.printf(Locale.ROOT, "  %-72s %7.2f s  %5d requests%n", name, ms / 1000.0, requests.get() - before);
    }

    void importSources() throws Exception {
        SyntheticPeople gen = new SyntheticPeople(7);
        int homePeople = (int) Math.round(formula * 1.3);
        int releasePeople = (int) Math.round(formula * 1.25);
        home.addAll(gen.people(homePeople));
        // the people we hold, already normalised, as the detention system sends them
        List<Map<String, Object>> release = new ArrayList<>();
        for (SyntheticPeople.Person p : gen.people(releasePeople)) {
            Map<String, Object> m = new HashMap<>();
            m.put("externalRef", "R-" + p.id());
            m.put("side", "RELEASE");
            m.put("familyName", p.russianFamily());
            m.put("givenName", p.givenRu());
            m.put("birthDate", p.birth().toString());
            m.put("category", p.military() ? "MILITARY" : "CIVILIAN");
            m.put("seriouslyWoundedSick", false);
            if (p.id() % 40 == 0) {
                m.put("pendingCriminalProceedings", true);
            }
            if (p.id() % 25 == 0) {
                m.put("officer", true);
                m.put("militaryRank", "Major");
            }
            if (p.id() % 60 == 0) {
                m.put("strategicFlag", "high profile");
            }
            release.add(m);
        }
        JsonNode c = post("staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", release, "complete", false), 200);
        // three sources about the people to bring home, with cross-source duplicates
        StringBuilder mil = new StringBuilder(
                "record_id,service_number,family_name,given_name,birth_date,unit,rank,captured_on,captured_place\n");
        ArrayNode intel = JSON.createArrayNode();
        StringBuilder fam = new StringBuilder(
                "record_id,family_name,given_name,birth_date,relative_contact,date_last_seen,dna_sample_ref,category\n");
        int milRows = 0;
        int famRows = 0;
        LocalDate today = LocalDate.now();
        for (SyntheticPeople.Person p : home) {
            int captivity = 30 + random.nextInt(700);
            if (p.military() && random.nextDouble() < 0.75) {
                milRows++;
                mil.append("M-").append(p.id()).append(',').append(p.serviceNumber()).append(',').append(p.family())
                        .append(',').append(p.givenUk()).append(',').append(p.birth()).append(",Brigade ")
                        .append(1 + p.id() % 30).append(',').append(p.id() % 20 == 0 ? "Captain" : "Sergeant").append(',')
                        .append(today.minusDays(captivity)).append(",Village ").append(p.id() % 97).append('\n');
            }
            ObjectNode i = intel.addObject();
            i.put("record_id", "I-" + p.id());
            // the intelligence source writes the names in Latin (BGN) half of the time
            i.put("family_name", p.id() % 2 == 0 ? p.familyLatin() : p.family());
            i.put("given_name", p.id() % 2 == 0 ? p.givenLatin() : p.givenUk());
            i.put("birth_date", p.birth().toString());
            if (p.military() && p.id() % 3 == 0) {
                i.put("service_number", p.serviceNumber());
            }
            i.put("category", p.military() ? "MILITARY" : "CIVILIAN");
            // most are registered by the neutral party recently; some only intercepted (tracked, not proposed)
            boolean alive = p.id() % 17 != 0;
            i.put("evidence_type", alive ? (p.id() % 5 == 0 ? "PHOTO_VIDEO" : "NEUTRAL_REGISTRATION") : "INTERCEPT");
            i.put("evidence_date", today.minusDays(5 + p.id() % 60).toString());
            if (p.id() % 23 == 0) {
                i.put("strategic_flags", "INTELLIGENCE_ACCESS");
            } else if (p.id() % 29 == 0) {
                i.put("strategic_flags", "OFFICER");
            }
            if (alive && p.id() % 97 == 0) {
                i.put("seriously_wounded_sick", true);
            }
            if (random.nextDouble() < 0.4) {
                famRows++;
                String birth = p.id() % 4 == 0
                        ? String.format("%02d.%02d.%d", p.birth().getDayOfMonth(), p.birth().getMonthValue(), p.birth().getYear())
                        : p.birth().toString();
                fam.append("F-").append(p.id()).append(',').append(p.family()).append(',').append(p.givenUk()).append(',')
                        .append(birth).append(",+380 44 ").append(String.format("%03d %04d", p.id() % 1000, p.id()))
                        .append(',').append(today.minusDays(captivity + 3)).append(",DNA-").append(p.id()).append(',')
                        .append(p.military() ? "MILITARY" : "CIVILIAN").append('\n');
            }
        }
        JsonNode m = postRaw("staff", "/api/exchanges/" + ex + "/sources/military-records?complete=false", "text/csv",
                mil.toString(), 200);
        JsonNode i = postRaw("staff", "/api/exchanges/" + ex + "/sources/intelligence-assessments?complete=false",
                "application/json", JSON.writeValueAsString(JSON.createObjectNode().set("records", intel)), 200);
        JsonNode f = postRaw("staff", "/api/exchanges/" + ex + "/sources/family-appeals?complete=true", "text/csv",
                fam.toString(), 200);
        System.out.printf(Locale.ROOT, "    %d people to bring home in %d source records (military %d created/%d rejected, "
                        + "intelligence %d/%d, family %d/%d); %d people to release as candidates (%s)%n",
                home.size(), milRows + intel.size() + famRows, m.path("created").asInt(), m.path("rejected").asInt(),
                i.path("created").asInt(), i.path("rejected").asInt(), f.path("created").asInt(), f.path("rejected").asInt(),
                release.size(), c);
        check(m.path("rejected").asInt() + i.path("rejected").asInt() + f.path("rejected").asInt() == 0,
                "no source row rejected: " + m + i + f);
    }

    void drafting() throws Exception {
        JsonNode task = awaitTask("staff", List.of("Task_ResolveDuplicates", "Task_ConfirmLists"));
        if (task.get("taskDefinitionKey").asText().equals("Task_ResolveDuplicates")) {
            JsonNode pairs = JSON.readTree(variable("staff", task, "duplicatePairs").get("value").asText());
            // the drafter merges the pairs whose two records name the same birth year, keeps the rest apart
            ArrayNode merge = JSON.createArrayNode();
            for (JsonNode pair : pairs) {
                if (pair.path("label").asText().matches(".*\\b(\\d{4})-\\d\\d-\\d\\d.*\\b\\1-\\d\\d-\\d\\d.*")) {
                    merge.add(pair.get("value").asText());
                }
            }
            System.out.printf(Locale.ROOT, "    possible duplicates: %d pairs, %d merged%n", pairs.size(), merge.size());
            complete("staff", task, Map.of("pairsToMerge", json(merge), "duplicatesComment",
                    string("checked against the family appeals")));
            task = awaitTask("staff", List.of("Task_ConfirmLists"));
        } else {
            System.out.println("    possible duplicates: none raised");
        }
        JsonNode counts = variables("staff", task, "bringHomeCount,releaseCount,art109Count,flaggedCount,trackedCount");
        System.out.printf(Locale.ROOT, "    lists compiled: bring home %s, release %s, art. 109 %s, flagged %s, tracked %s%n",
                v(counts, "bringHomeCount"), v(counts, "releaseCount"), v(counts, "art109Count"), v(counts, "flaggedCount"),
                v(counts, "trackedCount"));
        complete("staff", task, Map.of("listsDecision", string("CONFIRM")));
    }

    static String v(JsonNode vars, String name) {
        return vars.path(name).path("value").asText();
    }

    final Map<Long, String> objectedReason = new HashMap<>();

    void review() throws Exception {
        List<JsonNode> proposed = people("PROPOSED");
        Set<Long> art109 = new HashSet<>();
        for (JsonNode p : proposed) {
            if (p.path("seriouslyWoundedSick").asBoolean()) {
                art109.add(p.get("personId").asLong());
            }
        }
        // pass 1: security service and defence object to a few people that concern them; the others approve
        Map<String, String> objecting = Map.of("Task_ReviewSecurityService", "SECURITY_RISK",
                "Task_ReviewDefence", "IDENTITY_DOUBT", "Task_ReviewInterior", "PENDING_CRIMINAL_PROCEEDINGS");
        int objections = 0;
        for (Map.Entry<String, String> r : REVIEWS.entrySet()) {
            String user = r.getValue();
            JsonNode task = awaitTask(user, List.of(r.getKey()));
            ArrayNode rows = JSON.createArrayNode();
            String reason = objecting.get(r.getKey());
            if (reason != null) {
                JsonNode options = JSON.readTree(variable(user, task, "personOptions").get("value").asText());
                for (JsonNode o : options) {
                    long id = Long.parseLong(o.get("value").asText());
                    if (rows.size() < 3 && o.path("label").asText().startsWith("★") && !art109.contains(id)
                            && !objectedReason.containsKey(id)) {
                        rows.addObject().put("personId", String.valueOf(id)).put("reason", reason)
                                .put("comment", "benchmark objection");
                        objectedReason.put(id, reason);
                    }
                }
                objections += rows.size();
            }
            complete(user, task, Map.of("objections", json(rows), "reviewComment", string("reviewed")));
        }
        // the Staff resolves: keep one, remove one, defer one, keep the rest
        JsonNode resolve = awaitTask("staff", List.of("Task_ResolveObjections"));
        JsonNode contested = JSON.readTree(variable("staff", resolve, "resolutions").get("value").asText());
        ArrayNode decisions = JSON.createArrayNode();
        int i = 0;
        int removed = 0;
        for (JsonNode c : contested) {
            ObjectNode d = ((ObjectNode) c.deepCopy());
            long id = Long.parseLong(c.get("personId").asText());
            String decision = switch (i++ % 3) {
                case 0 -> "REMOVE";
                case 1 -> "DEFER";
                default -> "KEEP";
            };
            d.put("decision", decision);
            if (!decision.equals("KEEP")) {
                d.put("basis", objectedReason.get(id));
                removed++;
                if ("PENDING_CRIMINAL_PROCEEDINGS".equals(objectedReason.get(id))) {
                    // art. 119 holds back only on recorded proceedings (case reference and authority)
                    post("staff", "/api/exchanges/" + ex + "/people/" + id + "/proceedings", Map.of("caseReference",
                            "BENCH-CASE-" + id, "authority", "Regional Prosecutor's Office (invented)"), 201);
                }
            }
            d.put("comment", "decided in the benchmark");
            decisions.add(d);
        }
        complete("staff", resolve, Map.of("resolutions", json(decisions), "resolutionOutcome", string("APPLY"),
                "resolutionComment", string("objections weighed")));
        // re-review by the agencies the changes concern, until the review ends
        int reReviews = 0;
        while (true) {
            JsonNode stage = get("staff", "/api/exchanges/" + ex);
            if (!"REVIEW".equals(stage.path("stage").asText()) && !"DRAFTING".equals(stage.path("stage").asText())) {
                break;
            }
            boolean any = false;
            for (Map.Entry<String, String> r : REVIEWS.entrySet()) {
                for (JsonNode t : tasks(r.getValue(), r.getKey())) {
                    complete(r.getValue(), t, Map.of("objections", json(JSON.createArrayNode())));
                    reReviews++;
                    any = true;
                }
            }
            if (!any) {
                Thread.sleep(50);
            }
        }
        System.out.printf(Locale.ROOT, "    %d objections by 3 agencies, %d contested, %d removed or deferred, %d re-reviews%n",
                objections, contested.size(), removed, reReviews);
    }

    void counterparty() throws Exception {
        counterpartyLists("CP-BENCH-1", people("PROPOSED"));
    }

    /** The other side's lists naming exactly {@code ours}; sent again when verification needs their agreement. */
    void counterpartyLists(String reference, List<JsonNode> ours) throws Exception {
        List<JsonNode> proposed = ours;
        ArrayNode offered = JSON.createArrayNode();
        ArrayNode requested = JSON.createArrayNode();
        for (JsonNode p : proposed) {
            ObjectNode n = ("BRING_HOME".equals(p.get("side").asText()) ? offered : requested).addObject();
            n.put("familyName", p.get("familyName").asText());
            n.put("givenName", p.get("givenName").asText());
            if (p.hasNonNull("birthDate")) {
                n.put("birthDate", p.get("birthDate").asText());
            }
        }
        ObjectNode body = JSON.createObjectNode().put("reference", reference);
        body.set("offered", offered);
        body.set("requested", requested);
        JsonNode r = null;
        for (int attempt = 0; attempt < 200 && r == null; attempt++) {
            HttpResponse<String> resp = send("staff", "POST", "/api/exchanges/" + ex + "/counterparty-lists",
                    JSON.writeValueAsString(body), "application/json");
            if (resp.statusCode() == 200) {
                r = JSON.readTree(resp.body());
            } else if (resp.statusCode() == 409) {
                Thread.sleep(50); // verification not yet waiting for them
            } else {
                throw new IllegalStateException("counterparty lists -> " + resp.statusCode() + " " + resp.body());
            }
        }
        check(r != null, "verification never waited for the counterparty lists");
        System.out.printf(Locale.ROOT, "    offered %d, requested %d: %s%n", offered.size(), requested.size(),
                abbreviate(r.toString()));
    }

    void verification() throws Exception {
        int round = 0;
        int failed = 0;
        String[] failures = {"CONSENT_REFUSED", "NOT_FOUND", "UNFIT_TO_TRAVEL:HOLD", "IDENTITY_MISMATCH", "DECEASED"};
        while (true) {
            JsonNode st = get("staff", "/api/exchanges/" + ex);
            if (!"VERIFICATION".equals(st.path("stage").asText())) {
                break;
            }
            JsonNode awaiting = getJson("icrc", "/api/exchanges/" + ex + "/verification-requests");
            if (awaiting.isEmpty()) {
                // replacements: reviewed by the agencies their routing names, then agreed by the other side
                if (!settleReplacements(round)) {
                    Thread.sleep(50);
                }
                continue;
            }
            round++;
            ArrayNode results = JSON.createArrayNode();
            int k = 0;
            for (JsonNode p : awaiting) {
                ObjectNode r = results.addObject();
                r.put("personId", p.get("personId").asLong());
                // round 1: about 3 % fail (never the art. 109 people, who are not replaced); later rounds all pass
                boolean fail = round == 1 && ++k % 33 == 0 && !p.path("seriouslyWoundedSick").asBoolean(false);
                String outcome = fail ? failures[failed++ % failures.length] : "VERIFIED";
                String[] parts = outcome.split(":");
                r.put("outcome", parts[0]);
                if (parts.length > 1) {
                    r.put("medical", parts[1]);
                }
                if (!fail && k % 50 == 0) {
                    r.put("outcome", "UNFIT_TO_TRAVEL");
                    r.put("medical", "ESCORT");
                }
                r.put("evidence", "private interview");
                // art. 109(3): every result carries the consent finding of the private interview
                String finding = switch (r.get("outcome").asText()) {
                    case "VERIFIED", "UNFIT_TO_TRAVEL" -> "WANTS_REPATRIATION";
                    case "CONSENT_REFUSED" -> "REFUSES";
                    default -> null;
                };
                if (finding != null) {
                    r.putObject("consent").put("interviewedOn", LocalDate.now().toString()).put("outcome", finding)
                            .put("delegateRef", "DLG-BENCH-" + (k % 9));
                }
            }
            JsonNode resp = post("icrc", "/api/exchanges/" + ex + "/verification-results",
                    JSON.createObjectNode().set("results", results), 200);
            System.out.printf(Locale.ROOT, "    round %d: %d results -> %s%n", round, results.size(), abbreviate(resp.toString()));
            // wait until this round's results are applied (the requests change or verification ends)
            for (int w = 0; w < 400; w++) {
                JsonNode s = get("staff", "/api/exchanges/" + ex);
                if (!"VERIFICATION".equals(s.path("stage").asText())) {
                    break;
                }
                JsonNode now = getJson("icrc", "/api/exchanges/" + ex + "/verification-requests");
                if (now.isEmpty() || !now.get(0).get("personId").equals(awaiting.get(0).get("personId"))) {
                    break;
                }
                Thread.sleep(50);
            }
            check(round < 10, "verification did not converge");
        }
        System.out.printf(Locale.ROOT, "    %d rounds, %d failed in round 1 and replaced from the reserve; %d agency "
                + "reviews of replacements%n", round, failed, replacementReviews);
    }

    int replacementReviews;
    int amendedLists;

    /**
     * Completes what the replacements wait for: the agencies' reviews of them (all approve), then the other
     * side's amended lists naming everyone still on ours. Returns whether anything was done.
     */
    boolean settleReplacements(int round) throws Exception {
        boolean any = false;
        for (Map.Entry<String, String> r : REVIEWS.entrySet()) {
            for (JsonNode t : tasks(r.getValue(), r.getKey())) {
                complete(r.getValue(), t, Map.of("objections", json(JSON.createArrayNode())));
                replacementReviews++;
                any = true;
            }
        }
        if (!tasks("staff", "Task_AgreeFinalLists").isEmpty()) {
            List<JsonNode> ours = new ArrayList<>(people("PROPOSED"));
            ours.addAll(people("AWAITING_VERIFICATION"));
            ours.addAll(people("VERIFIED"));
            counterpartyLists("CP-BENCH-AMENDED-" + round + "-" + (++amendedLists), ours);
            any = true;
        }
        return any;
    }

    void ratification() throws Exception {
        awaitTask("staff", List.of("Task_RecordRatification"));
        post("staff", "/api/exchanges/" + ex + "/ratification", Map.of("documentRef", "RAT-BENCH-1",
                "signedAt", OffsetDateTime.now().minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString()), 200);
    }

    void phase(int n) throws Exception {
        complete("interior", awaitTask("interior", List.of("Task_LogisticsInterior")), Map.of(
                "transportReady", bool(true), "escortReady", bool(true), "documentsReady", bool(true),
                "logisticsComment", string("buses at the crossing")));
        complete("defence", awaitTask("defence", List.of("Task_LogisticsDefence")), Map.of(
                "transportReady", bool(true), "escortReady", bool(true), "medicalEscortReady", bool(true),
                "documentsReady", bool(true)));
        complete("staff", awaitTask("staff", List.of("Task_GoNoGo")), Map.of("goDecision", string("GO")));
        awaitTask("staff", List.of("Task_RecordManifest"));
        List<Long> received = new ArrayList<>();
        List<Long> handedOver = new ArrayList<>();
        int wounded = 0;
        for (JsonNode p : people("SCHEDULED")) {
            if (p.path("phaseNo").asInt() != n) {
                continue;
            }
            boolean h = "BRING_HOME".equals(p.get("side").asText());
            (h ? received : handedOver).add(p.get("personId").asLong());
            wounded += h && p.path("seriouslyWoundedSick").asBoolean() ? 1 : 0;
        }
        // the other side's manifest first (they brought everyone of ours), then the crossing is confirmed
        JsonNode m = post("icrc", "/api/exchanges/" + ex + "/phases/" + n + "/manifest",
                Map.of("brought", received, "remark", "phase " + n + " manifest"), 200);
        System.out.printf(Locale.ROOT, "    phase %d manifest: %d brought, %d discrepancies known before the crossing%n", n,
                received.size(), m.path("discrepancies").size());
        awaitTask("staff", List.of("Task_ConfirmHandover"));
        JsonNode r = post("staff", "/api/exchanges/" + ex + "/phases/" + n + "/handover",
                Map.of("received", received, "handedOver", handedOver, "remark", "phase " + n + " crossed"), 200);
        System.out.printf(Locale.ROOT, "    phase %d: received %d, handed over %d (art. 109 among them: %d): %s%n", n,
                received.size(), handedOver.size(), wounded, abbreviate(r.toString()));
        JsonNode notify = awaitTask("ombudsman", List.of("Task_NotifyFamilies"));
        ArrayNode families = JSON.createArrayNode();
        JsonNode listed = variable("ombudsman", notify, "families");
        for (JsonNode f : JSON.readTree(listed.get("value").asText())) {
            families.addObject().put("personId", f.get("personId").asText()).put("outcome", "REACHED")
                    .put("note", "families informed by phone");
        }
        complete("ombudsman", notify, Map.of("families", json(families)));
        if (wounded > 0) {
            complete("defence", awaitTask("defence", List.of("Task_MedicalIntake")),
                    Map.of("medicalFacility", string("Central Military Hospital (invented)")));
        }
    }

    void finalReport() throws Exception {
        for (int w = 0; w < 400; w++) {
            if ("COMPLETED".equals(get("staff", "/api/exchanges/" + ex).path("stage").asText())) {
                break;
            }
            Thread.sleep(50);
        }
        JsonNode st = get("staff", "/api/exchanges/" + ex);
        check("COMPLETED".equals(st.path("stage").asText()), "exchange completed: " + abbreviate(st.toString()));
        JsonNode report = get("staff", "/api/exchanges/" + ex + "/report");
        System.out.printf(Locale.ROOT, "    stage %s, parity %s; report: %s%n", st.path("stage").asText(),
                st.path("parityHolds").asText(), abbreviate(report.toString()));
    }

    // ---------------------------------------------------------------- engine reference

    void engineReference() throws Exception {
        int n = 2000;
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bench"
                    targetNamespace="http://powexchange.org/bench">
                  <bpmn:process id="bench-trivial" name="Benchmark trivial" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_Start" name="Start"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Nothing"/>
                    <bpmn:task id="Task_Nothing" name="Do nothing"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Nothing" targetRef="Event_End"/>
                    <bpmn:endEvent id="Event_End" name="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        String boundary = "----powbench" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-trivial\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bench-trivial.bpmn\"; filename=\"bench-trivial.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> d = send("admin", "POST", "/engine-rest/deployment/create", multipart,
                "multipart/form-data; boundary=" + boundary);
        check(d.statusCode() == 200, "deployment: " + d.statusCode() + " " + d.body());
        long before = requests.get();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = send("admin", "POST", "/engine-rest/process-definition/key/bench-trivial/start",
                    "{\"businessKey\":\"b" + i + "\"}", "application/json");
            check(r.statusCode() == 200, "start: " + r.statusCode() + " " + r.body());
        }
        double rest = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "engine reference (REST): %d trivial instances (start -> task without behaviour -> end) "
                + "started one by one through /engine-rest in the application: %.2f s (%.0f instances/s, %d requests)%n",
                n, rest, n / rest, requests.get() - before);
        double inProcess = InProcessEngineReference.run(n);
        System.out.printf(Locale.ROOT, "engine reference (in-process): the same %d instances in a bare engine in the "
                + "benchmark's JVM (in-memory H2, history full): %.2f s (%.0f instances/s)%n", n, inProcess, n / inProcess);
    }

    // ---------------------------------------------------------------- report

    void report(MemorySampler mem, Path dir) throws IOException {
        long total = stageMillis.get("TOTAL exchange");
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            all.add(l[0]);
        }
        Collections.sort(all);
        long n = all.size();
        long p95 = all.get((int) Math.min(n - 1, Math.ceil(n * 0.95) - 1));
        long p50 = all.get((int) (n / 2));
        long max = all.get((int) n - 1);
        long dbBytes;
        try (Stream<Path> files = Files.walk(dir)) {
            dbBytes = files.filter(p -> p.getFileName().toString().endsWith(".db")).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.println();
        System.out.println("RESULT");
        System.out.printf(Locale.ROOT, "  whole exchange              %8.2f s   (target < 60 s)%n", total / 1000.0);
        System.out.printf(Locale.ROOT, "  requests                    %8d     %.1f requests/s%n", n, n * 1000.0 / total);
        System.out.printf(Locale.ROOT, "  request latency             p50 %d ms, p95 %d ms, max %d ms   (target max < 2000 ms)%n",
                p50 / 1_000_000, p95 / 1_000_000, max / 1_000_000);
        System.out.printf(Locale.ROOT, "  peak RSS during the exchange %7d MB  (-Xmx512m; target < 1024 MB)%n", mem.peakKb / 1024);
        System.out.printf(Locale.ROOT, "  H2 database file            %8.1f MB%n", dbBytes / 1048576.0);
        System.out.printf(Locale.ROOT, "  load average now            %s%n", loadAverage());
        if (!slow.isEmpty()) {
            System.out.println("  slowest requests (> 500 ms):");
            slow.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(b.split(" ")[0]), Integer.parseInt(a.split(" ")[0])))
                    .limit(15).forEach(s -> System.out.println("    " + s));
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    // ---------------------------------------------------------------- HTTP

    static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + USERS.get(user)).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String user, String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", auth(user)).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", contentType + (contentType.startsWith("multipart") ? "" : ";charset=UTF-8"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t = System.nanoTime();
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long took = System.nanoTime() - t;
        latencies.add(new long[] {took});
        requests.incrementAndGet();
        if (took > 500_000_000L) {
            slow.add(took / 1_000_000 + " ms " + method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                    + (label.get() == null || !path.endsWith("/complete") ? "" : " " + label.get()) + " (" + (body == null ? 0 : body.length() / 1024) + " KB in, " + r.body().length() / 1024 + " KB out)");
        }
        return r;
    }

    JsonNode post(String user, String path, Object body, int expected) throws IOException, InterruptedException {
        return postRaw(user, path, "application/json", JSON.writeValueAsString(body), expected);
    }

    JsonNode postRaw(String user, String path, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(user, "POST", path, body, contentType);
        check(r.statusCode() == expected, "POST " + path + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    JsonNode get(String user, String path) throws IOException, InterruptedException {
        return getJson(user, path);
    }

    JsonNode getJson(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(user, "GET", path, null, null);
        check(r.statusCode() == 200, "GET " + path + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        return JSON.readTree(r.body());
    }

    List<JsonNode> people(String status) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        getJson("staff", "/api/exchanges/" + ex + "/people?status=" + status).forEach(out::add);
        return out;
    }

    List<JsonNode> tasks(String user, String key) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        getJson(user, "/engine-rest/task?processInstanceBusinessKey=" + ex + "&taskDefinitionKey=" + key).forEach(out::add);
        return out;
    }

    /** Polls the engine REST task list (as the user) until one of the task keys is open; the job executor runs async steps. */
    JsonNode awaitTask(String user, List<String> keys) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String in = String.join(",", keys);
        while (System.nanoTime() < end) {
            JsonNode open = getJson(user, "/engine-rest/task?processInstanceBusinessKey=" + ex + "&taskDefinitionKeyIn=" + in);
            if (!open.isEmpty()) {
                return open.get(0);
            }
            Thread.sleep(100); // a client polling for the next task, not a busy loop
        }
        throw new AssertionError("no open task " + keys + " for " + user);
    }

    /** One variable the task's form shows, read as Tasklist reads it (an agency may not read task variables). */
    JsonNode variable(String user, JsonNode task, String name) throws IOException, InterruptedException {
        return variables(user, task, name).get(name);
    }

    JsonNode variables(String user, JsonNode task, String names) throws IOException, InterruptedException {
        return getJson(user, "/engine-rest/task/" + task.get("id").asText() + "/form-variables?variableNames=" + names
                + "&deserializeValues=false");
    }

    void complete(String user, JsonNode task, Map<String, Object> variables) throws IOException, InterruptedException {
        String id = task.get("id").asText();
        label.set(task.path("taskDefinitionKey").asText());
        if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
            post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user), 204);
        }
        try {
            post(user, "/engine-rest/task/" + id + "/complete", Map.of("variables", variables), 204);
        } finally {
            label.remove();
        }
    }

    final ThreadLocal<String> label = new ThreadLocal<>();

    static Map<String, Object> string(String s) {
        return Map.of("type", "String", "value", s);
    }

    static Map<String, Object> bool(boolean b) {
        return Map.of("type", "Boolean", "value", b);
    }

    static Map<String, Object> json(JsonNode n) throws IOException {
        return Map.of("type", "Json", "value", JSON.writeValueAsString(n));
    }

    // ---------------------------------------------------------------- memory

    /** Samples the application's resident memory from /proc every 200 ms. */
    static final class MemorySampler implements Runnable {
        final long pid;
        volatile boolean stop;
        volatile long rssKb;
        volatile long peakKb;
        volatile long hwmKb;

        MemorySampler(long pid) {
            this.pid = pid;
        }

        void resetPeak() {
            peakKb = rssKb;
        }

        @Override
        public void run() {
            Path status = Path.of("/proc/" + pid + "/status");
            while (!stop) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            rssKb = kb(line);
                            peakKb = Math.max(peakKb, rssKb);
                        } else if (line.startsWith("VmHWM:")) {
                            hwmKb = kb(line);
                        }
                    }
                    Thread.sleep(200);
                } catch (IOException e) {
                    return; // the process is gone
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static long kb(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
    }
}
