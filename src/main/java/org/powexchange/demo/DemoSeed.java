package org.powexchange.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.powexchange.security.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo only: seeds, once, two exchanges of invented people so that the application shows work as soon as it
 * starts: {@value #WAITING_REF} waits at "Confirm the lists"; {@value #RUNNING_REF} is driven, the way its
 * officials would, through reviews, the other side's lists, verification and a ratification two hours ago, up
 * to its first phase with the clock running. It acts through the application's own HTTP API as the demo
 * users, so every rule and guard applies; it advances only the exchanges recorded in {@code demo_seed}.
 * Off unless {@code powexchange.demo.seed.enabled=true} (default profile); refused in {@code prod}.
 */
@Component
@ConditionalOnProperty(name = "powexchange.demo.seed.enabled", havingValue = "true")
public class DemoSeed implements DisposableBean {

    static final String WAITING_REF = "DEMO-SEED-CONFIRM";
    static final String RUNNING_REF = "DEMO-SEED-PHASE1";
    static final String TARGET_CONFIRM = "CONFIRM_LISTS";
    static final String TARGET_PHASE1 = "FIRST_PHASE";
    /** the seeded exchange stops being driven after this long, whatever its state (say, a shortfall) */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    /**
     * How often the seed looks whether its exchange can be taken a step further (a step waits for the engine's
     * asynchronous work in between): often enough that the demo is in place a few seconds after the first start,
     * not spread as background work over the first minute an official (or a benchmark) is already working in.
     */
    static final Duration STEP_EVERY = Duration.ofMillis(250);
    /**
     * While the first start seeds (about 5 s), other requests wait until it is done ({@link DemoSeedGate}): nobody
     * works in a half-seeded demo, and the seed's first run of every process path does not run beside an official's
     * import. The gate opens when the seed is done, fails, or after this long at most (a seed that cannot go on, say
     * with the job executor off, never holds a request longer).
     */
    static final Duration GATE_AT_MOST = Duration.ofSeconds(30);
    /** The header that lets the seed's own requests through the gate (its value is new at every start). */
    static final String GATE_HEADER = "X-Demo-Seed";

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final DemoSeedRepository seeds;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final Map<String, String> credentialsByGroup = new LinkedHashMap<>();
    private final boolean neutralPartySimulated;
    private final boolean prod;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService driver;
    private String base;
    private final String gateToken = UUID.randomUUID().toString();
    /** Until when (epoch millis) requests other than the seed's wait; 0: open. */
    private volatile long gateClosedUntil;
    private final Object gate = new Object();

    public DemoSeed(DemoSeedRepository seeds, TaskService tasks, ObjectMapper json, DemoProperties demo,
                    Environment env,
                    @Value("${powexchange.verification.simulated-neutral-party.enabled:false}") boolean simulated) {
        this.seeds = seeds;
        this.tasks = tasks;
        this.json = json;
        this.neutralPartySimulated = simulated;
        this.prod = Arrays.asList(env.getActiveProfiles()).contains("prod");
        for (DemoProperties.DemoUser u : demo.users()) {
            credentialsByGroup.putIfAbsent(u.group(), u.id() + ":" + u.password());
        }
    }

    /** After the demo users exist (SecuritySetup listens to the same event). */
    @EventListener
    @Order(100)
    public void seed(ApplicationReadyEvent event) {
        if (!allowed()) {
            return;
        }
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        useBaseUrl("http://localhost:" + port);
        if (seeded()) {
            return; // on an earlier start
        }
        closeGate(GATE_AT_MOST);
        log.warn("DEMO seed: first start, the demo exchanges are being seeded; other requests wait until then "
                + "(at most {} s)", GATE_AT_MOST.toSeconds());
        OffsetDateTime giveUpAt = OffsetDateTime.now().plus(GIVE_UP_AFTER);
        driver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-seed");
            t.setDaemon(true);
            return t;
        });
        driver.execute(this::seedOnce);
        driver.scheduleWithFixedDelay(() -> {
            boolean done;
            try {
                done = step();
            } catch (Exception e) {
                done = false; // the next tick tries again (a job may still be running)
                log.debug("demo seed: {}", e.toString());
            }
            if (done) {
                if (gateClosedUntil != 0) {
                    log.warn("DEMO seed: done; the application takes every request");
                }
                openGate();
            }
            if (done || OffsetDateTime.now().isAfter(giveUpAt)) {
                driver.shutdown();
            }
        }, STEP_EVERY.toMillis(), STEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a request may be served now: the gate is open, or the request is the seed's own. */
    boolean admits(String gateHeader) {
        long until = gateClosedUntil;
        return until == 0 || System.currentTimeMillis() >= until || gateHeader != null
                && java.security.MessageDigest.isEqual(gateToken.getBytes(StandardCharsets.UTF_8),
                        gateHeader.getBytes(StandardCharsets.UTF_8));
    }

    /** Holds the calling request until the gate opens (the seed done or failed) or its time is up. */
    void awaitGate() throws InterruptedException {
        synchronized (gate) {
            long left;
            while (gateClosedUntil != 0 && (left = gateClosedUntil - System.currentTimeMillis()) > 0) {
                gate.wait(left);
            }
        }
    }

    void closeGate(Duration atMost) {
        gateClosedUntil = System.currentTimeMillis() + atMost.toMillis();
    }

    void openGate() {
        synchronized (gate) {
            gateClosedUntil = 0;
            gate.notifyAll();
        }
    }

    /** What the seed's own requests carry in {@link #GATE_HEADER}. */
    String gateToken() {
        return gateToken;
    }

    /** Never in prod, and only with a demo user of the Coordination Staff to act as. */
    boolean allowed() {
        if (prod) {
            log.error("the demo seed is never run in the prod profile; set powexchange.demo.seed.enabled=false");
            return false;
        }
        if (!credentialsByGroup.containsKey("coordination-staff")) {
            log.warn("demo seed skipped: no demo user of coordination-staff (powexchange.demo.users)");
            return false;
        }
        return true;
    }

    void useBaseUrl(String baseUrl) {
        this.base = baseUrl;
    }

    void seedOnce() {
        try {
            seedExchange(WAITING_REF, TARGET_CONFIRM, "Demo: lists waiting for the Staff's confirmation",
                    DemoPeople.waitingAtConfirmation());
            seedExchange(RUNNING_REF, TARGET_PHASE1, "Demo: first phase under way, the clock running",
                    DemoPeople.inFirstPhase());
        } catch (Exception e) {
            log.warn("demo seed failed: {}", e.toString());
            openGate();
        }
    }

    private void seedExchange(String ref, String target, String title, List<Map<String, Object>> people)
            throws IOException, InterruptedException {
        if (seeds.find(ref).isPresent()) {
            return; // seeded before: once only
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementRef", ref);
        body.put("title", title);
        body.put("formulaSize", 6);
        body.put("phaseSizes", List.of(4, 2));
        Response created = call("coordination-staff", "POST", "/api/exchanges", body);
        if (created.status == 409) {
            log.warn("demo seed: an exchange '{}' exists that the seed did not create; left alone", ref);
            seeds.insert(ref, null, target);
            seeds.reached(ref);
            return;
        }
        created.expect(201);
        UUID id = UUID.fromString((String) created.map().get("id"));
        seeds.insert(ref, id, target);
        call("coordination-staff", "POST", "/api/exchanges/" + id + "/candidates", Map.of("records", people)).expect(200);
        log.warn("DEMO seed: exchange {} ({}) created with {} invented people", ref, id, people.size());
        if (TARGET_CONFIRM.equals(target)) {
            seeds.reached(ref); // drafting compiles the lists by itself and waits at "Confirm the lists"
        }
    }

    /** One step for every seeded exchange not yet at its target; true when all are there. */
    boolean step() throws IOException, InterruptedException {
        List<DemoSeedRepository.Seeded> open = seeds.unfinished();
        for (DemoSeedRepository.Seeded s : open) {
            if (TARGET_PHASE1.equals(s.target())) {
                advance(s);
            }
        }
        return seeded();
    }

    /** Both exchanges created (the running one is created last) and each at its target. */
    private boolean seeded() {
        return seeds.unfinished().isEmpty() && seeds.find(RUNNING_REF).isPresent();
    }

    private final Set<String> counterpartySent = new HashSet<>();

    /** One step of the seeded exchange towards its first phase, as its officials would take it. */
    void advance(DemoSeedRepository.Seeded s) throws IOException, InterruptedException {
        String ex = s.exchangeId().toString();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(ex).active().list()) {
            String key = t.getTaskDefinitionKey();
            Map<String, Object> vars = switch (key) {
                case "Task_ConfirmLists" -> Map.of("listsDecision", typed("CONFIRM"));
                case "Task_ReviewDefence", "Task_ReviewMilitaryIntelligence", "Task_ReviewSecurityService",
                     "Task_ReviewForeignIntelligence", "Task_ReviewInterior", "Task_ReviewOmbudsman", "Task_Review" ->
                        Map.of("objections", Map.of("type", "Json", "value", "[]"));
                default -> null;
            };
            if (vars != null) {
                String group = candidateGroup(t);
                if (group != null && credentialsByGroup.containsKey(group)) {
                    call(group, "POST", "/engine-rest/task/" + t.getId() + "/claim",
                            Map.of("userId", credentialsByGroup.get(group).split(":")[0]));
                    call(group, "POST", "/engine-rest/task/" + t.getId() + "/complete", Map.of("variables", vars));
                }
            }
            if ("Task_LogisticsInterior".equals(key) || "Task_LogisticsDefence".equals(key)) {
                seeds.reached(s.agreementRef()); // the first phase is under way: leave the rest to the officials
                log.warn("DEMO seed: exchange {} is in its first phase; the clock runs", s.agreementRef());
                return;
            }
        }
        Map<String, Object> status = call("coordination-staff", "GET", "/api/exchanges/" + ex, null).map();
        String stage = String.valueOf(status.get("stage"));
        if ("VERIFICATION".equals(stage)) {
            if (!counterpartySent.contains(ex)) {
                sendCounterpartyLists(ex);
            } else if (!neutralPartySimulated && credentialsByGroup.containsKey("neutral-party")) {
                verifyEveryone(ex);
            }
        } else if ("AWAITING_RATIFICATION".equals(stage)) {
            // signed two hours ago: phase 1 is due in 46 hours, its warning in 34
            call("coordination-staff", "POST", "/api/exchanges/" + ex + "/ratification", Map.of("documentRef",
                    "RAT-" + s.agreementRef(), "signedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)
                            .truncatedTo(ChronoUnit.SECONDS).toString()));
        }
    }

    /** The other side names exactly the people on our proposed lists: reconciliation finds no difference. */
    @SuppressWarnings("unchecked")
    private void sendCounterpartyLists(String ex) throws IOException, InterruptedException {
        Response people = call("coordination-staff", "GET", "/api/exchanges/" + ex + "/people?status=PROPOSED", null);
        List<Map<String, Object>> ours = json.readValue(people.body, List.class);
        List<Map<String, Object>> offered = new ArrayList<>();
        List<Map<String, Object>> requested = new ArrayList<>();
        for (Map<String, Object> p : ours) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("familyName", p.get("familyName"));
            n.put("givenName", p.get("givenName"));
            if (p.get("birthDate") != null) {
                n.put("birthDate", p.get("birthDate"));
            }
            ("BRING_HOME".equals(p.get("side")) ? offered : requested).add(n);
        }
        Response r = call("coordination-staff", "POST", "/api/exchanges/" + ex + "/counterparty-lists",
                Map.of("reference", "CP-" + ex.substring(0, 8), "offered", offered, "requested", requested));
        if (r.status == 200) {
            counterpartySent.add(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private void verifyEveryone(String ex) throws IOException, InterruptedException {
        Response awaiting = call("neutral-party", "GET", "/api/exchanges/" + ex + "/verification-requests", null);
        List<Map<String, Object>> people = json.readValue(awaiting.body, List.class);
        if (people.isEmpty()) {
            return;
        }
        // every result of a person who crosses carries the consent finding of the private interview (art. 109(3))
        Map<String, Object> consent = Map.of("interviewedOn", java.time.LocalDate.now().toString(),
                "outcome", "WANTS_REPATRIATION", "delegateRef", "DEMO-DLG-01");
        List<Map<String, Object>> results = people.stream().map(p -> Map.<String, Object>of("personId", p.get("personId"),
                "outcome", "VERIFIED", "consent", consent)).toList();
        call("neutral-party", "POST", "/api/exchanges/" + ex + "/verification-results", Map.of("results", results));
    }

    private String candidateGroup(Task t) {
        return tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    record Response(int status, String body, ObjectMapper json) {
        Response expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("demo seed: HTTP " + status + ": " + body);
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() throws IOException {
            return json.readValue(body, Map.class);
        }
    }

    private Response call(String group, String method, String path, Object body) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(credentialsByGroup.get(group).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + auth).header("Accept", "application/json").header(GATE_HEADER, gateToken);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), json);
    }

    @Override
    public void destroy() {
        if (driver != null) {
            driver.shutdownNow();
        }
    }
}
