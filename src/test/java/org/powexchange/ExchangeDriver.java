package org.powexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives an exchange the way its users do: integrators through /api, officials by completing their
 * tasks as themselves. Shared by the scenario tests of every stage.
 */
public class ExchangeDriver {

    public static final Map<String, String> USERS = Map.of(
            "coordination-staff", "staff:demo-staff-pw",
            "defence", "defence:demo-defence-pw",
            "military-intelligence", "hur:demo-hur-pw",
            "security-service", "sbu:demo-sbu-pw",
            "foreign-intelligence", "szru:demo-szru-pw",
            "interior", "interior:demo-interior-pw",
            "ombudsman", "ombudsman:demo-ombudsman-pw",
            "neutral-party", "icrc:demo-icrc-pw");

    public static final Map<String, String> REVIEW_TASKS = Map.of(
            "defence", "Task_ReviewDefence",
            "military-intelligence", "Task_ReviewMilitaryIntelligence",
            "security-service", "Task_ReviewSecurityService",
            "foreign-intelligence", "Task_ReviewForeignIntelligence",
            "interior", "Task_ReviewInterior",
            "ombudsman", "Task_ReviewOmbudsman");

    private final TestRestTemplate http;
    private final TaskService tasks;
    private final IdentityService identity;

    public ExchangeDriver(TestRestTemplate http, TaskService tasks, IdentityService identity) {
        this.http = http;
        this.tasks = tasks;
        this.identity = identity;
    }

    public TestRestTemplate as(String group) {
        String[] up = USERS.get(group).split(":");
        return http.withBasicAuth(up[0], up[1]);
    }

    public static String userOf(String group) {
        return USERS.get(group).split(":")[0];
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> post(String group, String path, Object body, int expectedStatus) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> r = as(group).exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
        assertThat(r.getStatusCode().value()).as("POST " + path + " -> " + r.getBody()).isEqualTo(expectedStatus);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String group, String path) {
        ResponseEntity<Map> r = as(group).getForEntity(path, Map.class);
        assertThat(r.getStatusCode().value()).as("GET " + path).isEqualTo(200);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String group, String path) {
        ResponseEntity<List> r = as(group).getForEntity(path, List.class);
        assertThat(r.getStatusCode().value()).as("GET " + path).isEqualTo(200);
        return r.getBody();
    }

    public String createExchange(String ref, int formula, List<Integer> phases) {
        return (String) post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", ref, "formulaSize", formula, "phaseSizes", phases), 201).get("id");
    }

    public static Map<String, Object> person(String ref, String side, String family, String given, String category,
                                             boolean art109, String life) {
        Map<String, Object> m = new HashMap<>();
        m.put("externalRef", ref);
        m.put("side", side);
        m.put("familyName", family);
        m.put("givenName", given);
        m.put("category", category);
        m.put("seriouslyWoundedSick", art109);
        if (life != null) {
            m.put("lifeStatus", life);
        }
        return m;
    }

    /** Drafting confirmed and all six agencies approve: the exchange reaches neutral verification. */
    public void draftAndClearReview(String exchangeId, List<Map<String, Object>> records, Runnable runJobs) {
        post("coordination-staff", "/api/exchanges/" + exchangeId + "/candidates", Map.of("records", records), 200);
        complete("coordination-staff", task(exchangeId, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        reviewAll(exchangeId, Map.of());
        runJobs.run();
    }

    /**
     * Drafted and cleared by every agency, waiting for the other side's lists: {@code home} and {@code release}
     * people by family name, all military and alive, ranked in the order given.
     */
    public String exchangeAwaitingCounterpartyLists(String ref, int formula, List<String> home, List<String> release,
                                                    java.util.function.Consumer<String> runJobs) {
        String ex = createExchange(ref, formula, List.of(formula));
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < home.size(); i++) {
            records.add(person("H-" + i, "BRING_HOME", home.get(i), "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"));
        }
        for (int i = 0; i < release.size(); i++) {
            records.add(person("R-" + i, "RELEASE", release.get(i), "Boris", "MILITARY", false, null));
        }
        draftAndClearReview(ex, records, () -> runJobs.accept(ex));
        return ex;
    }

    /** As above with every one of ours in the formula, and the other side's lists matching ours: verification runs. */
    public String exchangeInVerification(String ref, List<String> home, List<String> release,
                                         java.util.function.Consumer<String> runJobs) {
        String ex = exchangeAwaitingCounterpartyLists(ref, home.size(), home, release, runJobs);
        counterpartyListsMatchingOurs(ex, "CP-" + ref);
        return ex;
    }

    /** Our people in one status, as the Staff's /api shows them. */
    public List<Map<String, Object>> people(String exchangeId, String status) {
        return list("coordination-staff", "/api/exchanges/" + exchangeId + "/people?status=" + status);
    }

    /** The other side sends lists naming exactly the people on ours: reconciliation finds no difference. */
    public Map<String, Object> counterpartyListsMatchingOurs(String exchangeId, String reference) {
        List<Map<String, Object>> ours = people(exchangeId, "PROPOSED");
        return counterpartyLists(exchangeId, reference,
                ours.stream().filter(p -> "BRING_HOME".equals(p.get("side"))).map(ExchangeDriver::named).toList(),
                ours.stream().filter(p -> "RELEASE".equals(p.get("side"))).map(ExchangeDriver::named).toList());
    }

    public Map<String, Object> counterpartyLists(String exchangeId, String reference, List<Map<String, Object>> offered,
                                                 List<Map<String, Object>> requested) {
        return post("coordination-staff", "/api/exchanges/" + exchangeId + "/counterparty-lists",
                Map.of("reference", reference, "offered", offered, "requested", requested), 200);
    }

    public static Map<String, Object> named(Map<String, Object> person) {
        Map<String, Object> m = new HashMap<>();
        m.put("familyName", person.get("familyName"));
        m.put("givenName", person.get("givenName"));
        if (person.get("birthDate") != null) {
            m.put("birthDate", person.get("birthDate"));
        }
        return m;
    }

    /**
     * The neutral party records a result for everyone awaiting verification through /api:
     * {@code outcomes} maps family names to an outcome; everyone else is VERIFIED.
     */
    public Map<String, Object> verifyAll(String exchangeId, Map<String, String> outcomes) {
        List<Map<String, Object>> awaiting = list("neutral-party", "/api/exchanges/" + exchangeId
                + "/verification-requests");
        assertThat(awaiting).as("people awaiting verification").isNotEmpty();
        List<Map<String, Object>> results = awaiting.stream().map(p -> {
            Map<String, Object> r = new HashMap<>();
            r.put("personId", p.get("personId"));
            String outcome = outcomes.getOrDefault((String) p.get("familyName"), "VERIFIED");
            String[] parts = outcome.split(":");
            r.put("outcome", parts[0]);
            if (parts.length > 1) {
                r.put("medical", parts[1]);
            }
            r.put("evidence", "private interview");
            Map<String, Object> consent = consentFor(parts[0]);
            if (consent != null) {
                r.put("consent", consent);
            }
            return r;
        }).toList();
        return post("neutral-party", "/api/exchanges/" + exchangeId + "/verification-results",
                Map.of("results", results), 200);
    }

    /**
     * The consent finding a result of this outcome carries (art. 109(3)): WANTS_REPATRIATION for a person who
     * crosses, REFUSES for CONSENT_REFUSED, UNDECIDED for CONSENT_UNDECIDED; none where nobody was interviewed.
     */
    public static Map<String, Object> consentFor(String outcome) {
        String finding = switch (outcome) {
            case "VERIFIED", "UNFIT_TO_TRAVEL" -> "WANTS_REPATRIATION";
            case "CONSENT_REFUSED" -> "REFUSES";
            case "CONSENT_UNDECIDED" -> "UNDECIDED";
            default -> null;
        };
        return finding == null ? null : Map.of("interviewedOn", java.time.LocalDate.now().toString(),
                "outcome", finding, "delegateRef", "DLG-07");
    }

    /** A result with its consent finding, as the neutral party sends it through /api. */
    public static Map<String, Object> result(Object personId, String outcome) {
        Map<String, Object> r = new HashMap<>();
        r.put("personId", personId);
        r.put("outcome", outcome);
        Map<String, Object> consent = consentFor(outcome);
        if (consent != null) {
            r.put("consent", consent);
        }
        return r;
    }

    /**
     * Replacements verification proposed go through their short review round (every agency concerned
     * approves) and the Staff's "Agree final lists", ticking everyone of ours still on the lists.
     */
    public void agreeReplacements(String exchangeId) {
        runDueJobs(exchangeId, j -> true);
        boolean any = true;
        while (any) {
            any = false;
            for (Map.Entry<String, String> r : REVIEW_TASKS.entrySet()) {
                Task t = tasks.createTaskQuery().processInstanceBusinessKey(exchangeId).taskDefinitionKey(r.getValue())
                        .singleResult();
                if (t != null) {
                    complete(r.getKey(), t, review(List.of()));
                    any = true;
                }
            }
            runDueJobs(exchangeId, j -> true);
        }
        Task agree = task(exchangeId, "Task_AgreeFinalLists");
        java.util.Set<String> ours = new java.util.HashSet<>();
        for (String status : List.of("PROPOSED", "AWAITING_VERIFICATION", "VERIFIED")) {
            people(exchangeId, status).forEach(p -> ours.add(String.valueOf(p.get("personId"))));
        }
        complete("coordination-staff", agree, Map.of(
                "agreedHome", optionValues(agree, "homeOptions").stream().filter(ours::contains).toList(),
                "agreedRelease", optionValues(agree, "releaseOptions").stream().filter(ours::contains).toList(),
                "agreementComment", "the other side agreed the replacements"));
    }

    /** The values (person ids) of a checklist's options, as the task offers them. */
    public List<String> optionValues(Task task, String optionsVariable) {
        org.camunda.spin.json.SpinJsonNode options = (org.camunda.spin.json.SpinJsonNode) tasks.getVariable(task.getId(),
                optionsVariable);
        return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
    }

    /** An objection row of an agency's review form (dynamic list "objections"). */
    public static Map<String, Object> objection(long personId, String reason, String comment) {
        Map<String, Object> m = new HashMap<>();
        m.put("personId", String.valueOf(personId));
        m.put("reason", reason);
        m.put("comment", comment);
        return m;
    }

    /** A decision row of the Staff's "Resolve objections" form (dynamic list "resolutions"). */
    public static Map<String, Object> resolution(long personId, String decision, String basis, String comment) {
        Map<String, Object> m = new HashMap<>();
        m.put("personId", String.valueOf(personId));
        m.put("decision", decision);
        m.put("basis", basis);
        m.put("comment", comment);
        return m;
    }

    /** The form variables of an agency review: the given objections (none = approve everyone). */
    public static Map<String, Object> review(List<Map<String, Object>> objections) {
        Map<String, Object> m = new HashMap<>();
        m.put("objections", org.camunda.spin.Spin.JSON(objections));
        return m;
    }

    /** Every agency reviews the exchange's lists; the agencies in {@code objections} object to the given people. */
    public void reviewAll(String exchangeId, Map<String, List<Map<String, Object>>> objections) {
        REVIEW_TASKS.forEach((agency, key) ->
                complete(agency, task(exchangeId, key), review(objections.getOrDefault(agency, List.of()))));
    }

    /** The person id of someone on the exchange, by external reference. */
    public long personId(String exchangeId, String externalRef) {
        return list("coordination-staff", "/api/exchanges/" + exchangeId + "/people").stream()
                .filter(p -> externalRef.equals(p.get("externalRef")))
                .map(p -> ((Number) p.get("personId")).longValue()).findFirst().orElseThrow();
    }

    /** The heavy steps that run as jobs (asyncBefore) so that the request before them returns at once. */
    public static final java.util.Set<String> STEPS_RUN_AS_JOBS =
            java.util.Set.of("Task_CrossReference", "Task_CompileLists", "Task_OpenReviewRound");

    /**
     * Runs the exchange's due jobs of {@link #STEPS_RUN_AS_JOBS} as the job executor would, so the task behind
     * them is there (tests run with the job executor off). Other jobs (the review's join, timers) are left to
     * the tests that look at them.
     */
    public void settle(String exchangeId) {
        if (exchangeId == null) {
            return;
        }
        java.util.Set<String> definitions = new java.util.HashSet<>();
        org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getManagementService().createJobDefinitionQuery()
                .activityIdIn(STEPS_RUN_AS_JOBS.toArray(String[]::new)).list()
                .forEach(jd -> definitions.add(jd.getId()));
        runDueJobs(exchangeId, j -> definitions.contains(j.getJobDefinitionId()));
    }

    /**
     * Runs the due asynchronous continuations (not timers) of the exchange's process instances that
     * {@code which} selects, as the job executor would, until none is left.
     */
    public static void runDueJobs(String exchangeId, java.util.function.Predicate<org.camunda.bpm.engine.runtime.Job> which) {
        org.camunda.bpm.engine.ProcessEngine engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine();
        for (int i = 0; i < 50; i++) {
            List<String> due = engine.getManagementService().createJobQuery().executable().messages().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null && which.test(j))
                    .filter(j -> engine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(j.getProcessInstanceId()).processInstanceBusinessKey(exchangeId).count() > 0)
                    .map(org.camunda.bpm.engine.runtime.Job::getId).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(id -> engine.getManagementService().executeJob(id));
        }
        throw new AssertionError("asynchronous jobs keep coming for exchange " + exchangeId);
    }

    /** The single open task of the exchange with this definition key (after its due jobs have run). */
    public Task task(String exchangeId, String key) {
        settle(exchangeId);
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(exchangeId).taskDefinitionKey(key).list();
        assertThat(open).as("open task " + key).hasSize(1);
        return open.get(0);
    }

    /**
     * Completes a task as a member of the group, with the engine's authorization checks on, then lets the
     * asynchronous steps behind it run (as the job executor would in the application).
     */
    public void complete(String group, Task task, Map<String, Object> variables) {
        String exchangeId = task.getProcessInstanceId() == null ? null : businessKeyOf(task); // before it may end
        submit(group, task, variables);
        settle(exchangeId);
    }

    private String businessKeyOf(Task task) {
        org.camunda.bpm.engine.runtime.ProcessInstance pi = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine()
                .getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return pi == null ? null : pi.getBusinessKey();
    }

    /** Completes a task as a member of the group and returns at once, like the HTTP request of Tasklist. */
    public void submit(String group, Task task, Map<String, Object> variables) {
        String user = userOf(group);
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * The form variables of "Notify the families": the same outcome for every family the task lists (the
     * dynamic list "families"), with a note when not reached.
     */
    public Map<String, Object> familyOutcomes(Task task, String outcome) {
        org.camunda.spin.json.SpinJsonNode listed = (org.camunda.spin.json.SpinJsonNode) tasks.getVariable(task.getId(), "families");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (org.camunda.spin.json.SpinJsonNode f : listed.elements()) {
            Map<String, Object> row = new HashMap<>();
            row.put("personId", f.prop("personId").stringValue());
            row.put("outcome", outcome);
            row.put("note", "REACHED".equals(outcome) ? "" : "no answer at the number of the appeal");
            rows.add(row);
        }
        return Map.of("families", org.camunda.spin.Spin.JSON(rows));
    }

    /** The open task of the exchange with this definition key, if there is one. */
    public java.util.Optional<Task> openTask(String exchangeId, String key) {
        settle(exchangeId);
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(exchangeId).taskDefinitionKey(key).list();
        assertThat(open.size()).as("open tasks " + key).isLessThanOrEqualTo(1);
        return open.stream().findFirst();
    }

    /** Interior and defence report ready for the running phase and the Staff gives go. */
    public void readyAndGo(String exchangeId) {
        complete("interior", task(exchangeId, "Task_LogisticsInterior"), Map.of(
                "transportReady", true, "escortReady", true, "documentsReady", true));
        complete("defence", task(exchangeId, "Task_LogisticsDefence"), Map.of(
                "transportReady", true, "escortReady", true, "medicalEscortReady", true, "documentsReady", true));
        complete("coordination-staff", task(exchangeId, "Task_GoNoGo"), Map.of("goDecision", "GO"));
    }

    /**
     * The Staff (or the neutral party) records through the API the other side's manifest of a phase: who of
     * ours they brought. Parity and any hold-back are decided on it, before anyone crosses.
     */
    public Map<String, Object> manifest(String exchangeId, int phaseNo, List<?> brought, int expectedStatus) {
        return manifest("coordination-staff", exchangeId, phaseNo, brought, List.of(), expectedStatus);
    }

    public Map<String, Object> manifest(String group, String exchangeId, int phaseNo, List<?> brought,
                                        List<?> heldForProceedings, int expectedStatus) {
        Map<String, Object> body = new HashMap<>();
        body.put("brought", brought);
        body.put("heldForProceedings", heldForProceedings);
        return post(group, "/api/exchanges/" + exchangeId + "/phases/" + phaseNo + "/manifest", body, expectedStatus);
    }

    /** The other side brought {@code received}; then everyone in {@code received} and {@code handedOver} crosses. */
    public Map<String, Object> crossing(String exchangeId, int phaseNo, List<?> received, List<?> handedOver) {
        manifest(exchangeId, phaseNo, received, 200);
        return confirmCrossings(exchangeId, phaseNo, received, handedOver, 200);
    }

    /** The manifest recorded in Tasklist: the Staff ticks who of ours the other side brought. */
    public void manifestInTasklist(String exchangeId, List<Long> brought) {
        complete("coordination-staff", task(exchangeId, "Task_RecordManifest"),
                Map.of("broughtHome", brought.stream().map(String::valueOf).toList()));
    }

    /** The handover officer confirms, through the bulk API, who crossed in each direction in a phase. */
    public Map<String, Object> confirmCrossings(String exchangeId, int phaseNo, List<?> received, List<?> handedOver,
                                                int expectedStatus) {
        Map<String, Object> body = new HashMap<>();
        body.put("received", received);
        body.put("handedOver", handedOver);
        return post("coordination-staff", "/api/exchanges/" + exchangeId + "/phases/" + phaseNo + "/handover", body,
                expectedStatus);
    }

    /**
     * After a phase (its own follow-up process, beside the later phases): the ombudsman notifies the families,
     * defence takes the returned wounded in (when any). Finishes the one open follow-up of each kind.
     */
    public void afterPhase(String exchangeId) {
        openTask(exchangeId, "Task_NotifyFamilies").ifPresent(t -> complete("ombudsman", t, familyOutcomes(t, "REACHED")));
        openTask(exchangeId, "Task_MedicalIntake").ifPresent(t -> complete("defence", t,
                Map.of("medicalFacility", "Central Military Hospital (invented)")));
    }
}
