package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The interagency review through its paths: all approve; objections resolved by keep, remove-and-replace
 * and defer, with the changes sent back to the agencies they concern only; the refused removal of a
 * seriously wounded person; an overdue review escalated by its timer.
 */
class InteragencyReviewScenarioTest extends IntegrationTest {

    /**
     * An exchange "2 for 2" whose lists are confirmed and under review. To bring home: H-1 seriously
     * wounded (art. 109), H-2 a civilian, H-3 an officer; H-4, H-5 in reserve. To release: R-1 with
     * criminal proceedings pending, R-2 with a strategic flag; in reserve.
     */
    private String exchangeUnderReview(String ref) {
        String ex = d.createExchange(ref, 2, List.of(2));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                person("H-1", "BRING_HOME", "Poranenyi", "Andrii", "MILITARY", true, "2024-01-01", null),
                person("H-2", "BRING_HOME", "Tsyvilna", "Oksana", "CIVILIAN", false, "2024-02-01", null),
                officer(person("H-3", "BRING_HOME", "Ofitserenko", "Pavlo", "MILITARY", false, "2024-03-01", null)),
                person("H-4", "BRING_HOME", "Rezervnyi", "Yurii", "MILITARY", false, "2024-04-01", null),
                person("H-5", "BRING_HOME", "Zapasnyi", "Oleh", "MILITARY", false, "2024-05-01", null),
                criminal(person("R-1", "RELEASE", "Sudimov", "Artem", "MILITARY", false, "2024-01-01", null)),
                person("R-2", "RELEASE", "Sekretov", "Kirill", "MILITARY", false, "2024-02-01", "cipher officer"),
                person("R-3", "RELEASE", "Zamenov", "Ilya", "MILITARY", false, "2024-03-01", null),
                person("R-4", "RELEASE", "Dopolnov", "Roman", "MILITARY", false, "2024-04-01", null))), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        assertThat(review(ex)).isWaitingAt("Task_ReviewDefence", "Task_ReviewMilitaryIntelligence",
                "Task_ReviewSecurityService", "Task_ReviewForeignIntelligence", "Task_ReviewInterior",
                "Task_ReviewOmbudsman");
        return ex;
    }

    @Test
    void allApproveAndTheExchangeGoesOnToVerification() {
        String ex = exchangeUnderReview("REVIEW-ALL-APPROVE");
        long h1 = d.personId(ex, "H-1");
        long h2 = d.personId(ex, "H-2");
        long h3 = d.personId(ex, "H-3");
        long r1 = d.personId(ex, "R-1");
        long r2 = d.personId(ex, "R-2");
        ProcessInstance review = review(ex);

        // routing by the decision table, kept as record
        Map<String, Object> record = d.get("coordination-staff", "/api/exchanges/" + ex + "/review-record");
        List<Map<String, Object>> routing = (List<Map<String, Object>>) record.get("routing");
        assertThat(agenciesFor(routing, h1)).containsExactly("ombudsman");
        assertThat(agenciesFor(routing, h2)).containsExactly("ombudsman");
        assertThat(agenciesFor(routing, h3)).containsExactly("defence");
        assertThat(agenciesFor(routing, r1)).containsExactlyInAnyOrder("security-service", "interior");
        assertThat(agenciesFor(routing, r2)).containsExactlyInAnyOrder("military-intelligence", "foreign-intelligence",
                "security-service");
        assertThat(agenciesFor(routing, d.personId(ex, "R-3"))).isEmpty(); // in reserve: not routed yet

        // each agency's form: its people first, only the facts it needs
        Task ombudsman = d.task(ex, "Task_ReviewOmbudsman");
        SpinJsonNode people = (SpinJsonNode) tasks.getVariable(ombudsman.getId(), "concernedPeople");
        assertThat(people.elements()).extracting(n -> n.prop("person").stringValue())
                .allMatch(s -> s.startsWith("Poranenyi") || s.startsWith("Tsyvilna")).hasSize(2);
        assertThat(people.toString()).contains("seriously wounded/sick").doesNotContain("cipher officer");
        Task hur = d.task(ex, "Task_ReviewMilitaryIntelligence");
        SpinJsonNode hurPeople = (SpinJsonNode) tasks.getVariable(hur.getId(), "concernedPeople");
        assertThat(hurPeople.elements()).singleElement()
                .satisfies(n -> assertThat(n.prop("facts").stringValue()).contains("strategic: cipher officer"));
        assertThat(hurPeople.toString()).doesNotContain("wounded");
        SpinJsonNode options = (SpinJsonNode) tasks.getVariable(hur.getId(), "personOptions");
        assertThat(options.elements()).hasSize(5); // everyone on the lists, the strategic one first
        assertThat(options.elements().get(0).prop("value").stringValue()).isEqualTo(String.valueOf(r2));

        d.reviewAll(ex, Map.of());
        runJobs(ex);
        assertThat(review).isEnded().hasPassed("EndEvent_ListsCleared").hasNotPassed("Task_ResolveObjections");
        assertThat(main(ex)).isWaitingAt("CallActivity_NeutralVerification");
        List<Map<String, Object>> reviews = d.list("coordination-staff", "/api/exchanges/" + ex + "/reviews");
        assertThat(reviews).hasSize(6).allMatch(r -> "APPROVE".equals(r.get("decision")));
        assertThat(reviews).extracting(r -> r.get("reviewer"))
                .containsExactlyInAnyOrder("defence", "hur", "sbu", "szru", "interior", "ombudsman");
    }

    @Test
    void objectionsAreResolvedByKeepRemoveAndDeferAndTheChangesGoToTheAgenciesConcernedOnly() {
        String ex = exchangeUnderReview("REVIEW-RESOLVE");
        long h3 = d.personId(ex, "H-3");
        long h4 = d.personId(ex, "H-4");
        long r1 = d.personId(ex, "R-1");
        long r2 = d.personId(ex, "R-2");
        long r3 = d.personId(ex, "R-3");
        ProcessInstance review = review(ex);

        d.reviewAll(ex, Map.of(
                "interior", List.of(ExchangeDriver.objection(r1, "PENDING_CRIMINAL_PROCEEDINGS", "trial pending")),
                "military-intelligence", List.of(ExchangeDriver.objection(r2, "STRATEGIC_VALUE", "keep for a later trade")),
                "security-service", List.of(ExchangeDriver.objection(r1, "SECURITY_RISK", null)),
                "defence", List.of(ExchangeDriver.objection(h3, "IDENTITY_DOUBT", "service record does not match"))));
        runJobs(ex);
        assertThat(review(ex)).isWaitingAt("Task_ResolveObjections");

        // the Staff's task: each contested person, every agency's position and the policy recommendation
        Task resolve = d.task(ex, "Task_ResolveObjections");
        SpinJsonNode contested = (SpinJsonNode) tasks.getVariable(resolve.getId(), "resolutions");
        assertThat(contested.elements()).hasSize(3);
        SpinJsonNode aboutR1 = contested.elements().stream()
                .filter(n -> n.prop("personId").stringValue().equals(String.valueOf(r1))).findFirst().orElseThrow();
        assertThat(aboutR1.prop("positions").stringValue())
                .contains("Ministry of Internal Affairs: OBJECTS – PENDING_CRIMINAL_PROCEEDINGS (trial pending)")
                .contains("Security Service: OBJECTS – SECURITY_RISK").contains("Office of the Ombudsman: no objection");
        assertThat(aboutR1.prop("recommendation").stringValue()).startsWith("REMOVE: GC III art. 119");

        // art. 119 holds back only on recorded proceedings
        d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + r1 + "/proceedings", Map.of(
                "caseReference", "CASE-2024-117", "authority", "Regional Prosecutor's Office (invented)"), 201);
        d.complete("coordination-staff", resolve, Map.of(
                "resolutionOutcome", "APPLY",
                "resolutions", org.camunda.spin.Spin.JSON(List.of(
                        ExchangeDriver.resolution(r1, "REMOVE", "PENDING_CRIMINAL_PROCEEDINGS", "held back under art. 119"),
                        ExchangeDriver.resolution(r2, "KEEP", null, "parity matters more"),
                        ExchangeDriver.resolution(h3, "DEFER", "IDENTITY_DOUBT", "until DNA confirms")))));

        // list changes: R-1 off, R-3 from the reserve in its place; H-3 deferred, H-4 in its place
        assertThat(status(ex, r1)).isEqualTo("TRACKED");
        assertThat(status(ex, r3)).isEqualTo("PROPOSED");
        assertThat(status(ex, h3)).isEqualTo("RESERVE");
        assertThat(status(ex, h4)).isEqualTo("PROPOSED");
        assertThat(status(ex, r2)).isEqualTo("PROPOSED");

        // re-review by the agencies whose concerns changed (R-1: security, interior; H-3: defence) and only them
        assertThat(review(ex)).isWaitingAt("Task_ReviewDefence", "Task_ReviewSecurityService", "Task_ReviewInterior");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ex).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("Task_ReviewDefence", "Task_ReviewSecurityService", "Task_ReviewInterior");
        Task interior = d.task(ex, "Task_ReviewInterior");
        SpinJsonNode changed = (SpinJsonNode) tasks.getVariable(interior.getId(), "concernedPeople");
        assertThat(changed.elements()).isEmpty(); // R-1 left the list; nobody new concerns interior
        for (String agency : List.of("defence", "security-service", "interior")) {
            d.complete(agency, d.task(ex, ExchangeDriver.REVIEW_TASKS.get(agency)), ExchangeDriver.review(List.of()));
        }
        runJobs(ex);
        assertThat(review).isEnded().hasPassed("EndEvent_ListsCleared");
        assertThat(main(ex)).isWaitingAt("CallActivity_NeutralVerification");

        // the record: who objected, who decided, when and why; kept after the process ended
        Map<String, Object> record = d.get("coordination-staff", "/api/exchanges/" + ex + "/review-record");
        List<Map<String, Object>> objections = (List<Map<String, Object>>) record.get("objections");
        assertThat(objections).hasSize(4).extracting(o -> o.get("objectedBy"))
                .containsExactlyInAnyOrder("interior", "hur", "sbu", "defence");
        List<Map<String, Object>> resolutions = (List<Map<String, Object>>) record.get("resolutions");
        assertThat(resolutions).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("decidedBy")).isEqualTo("staff");
            assertThat(r.get("decidedAt")).isNotNull();
        });
        assertThat(resolutions).filteredOn(r -> "REMOVE".equals(r.get("decision"))).singleElement().satisfies(r -> {
            assertThat(((Number) r.get("personId")).longValue()).isEqualTo(r1);
            assertThat(((Number) r.get("replacementPersonId")).longValue()).isEqualTo(r3);
            assertThat(r.get("basisCode")).isEqualTo("PENDING_CRIMINAL_PROCEEDINGS");
            assertThat(r.get("recommendation")).isEqualTo("REMOVE");
            assertThat(r.get("comment")).isEqualTo("held back under art. 119");
        });
        assertThat(resolutions).filteredOn(r -> "DEFER".equals(r.get("decision"))).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("replacementPersonId")).longValue()).isEqualTo(h4));
        assertThat(resolutions).filteredOn(r -> "KEEP".equals(r.get("decision"))).singleElement()
                .satisfies(r -> assertThat(r.get("recommendation")).isEqualTo("REMOVE"));
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) record.get("reviews");
        assertThat(reviews).hasSize(9);
        assertThat(reviews).filteredOn(r -> ((Number) r.get("pass")).intValue() == 2).extracting(r -> r.get("agency"))
                .containsExactlyInAnyOrder("defence", "security-service", "interior");
    }

    @Test
    void removingASeriouslyWoundedPersonForBargainingIsRefused() {
        String ex = exchangeUnderReview("REVIEW-ART109");
        long h1 = d.personId(ex, "H-1");
        ProcessInstance review = review(ex);
        d.reviewAll(ex, Map.of("defence", List.of(ExchangeDriver.objection(h1, "STRATEGIC_VALUE", "trade later"))));
        runJobs(ex);
        Task resolve = d.task(ex, "Task_ResolveObjections");
        assertThat(((SpinJsonNode) tasks.getVariable(resolve.getId(), "resolutions")).elements().get(0)
                .prop("recommendation").stringValue()).startsWith("KEEP: GC III art. 109");

        Map<String, Object> remove = Map.of("resolutionOutcome", "APPLY", "resolutions", org.camunda.spin.Spin.JSON(
                List.of(ExchangeDriver.resolution(h1, "REMOVE", "STRATEGIC_VALUE", "bargaining chip"))));
        assertThatThrownBy(() -> d.complete("coordination-staff", resolve, remove))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("seriously wounded or sick")
                .hasMessageContaining("art. 109-110")
                .hasMessageContaining("refused");
        // the same through the engine REST API (Tasklist): 400 with the message
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var rest = d.as("coordination-staff").exchange("/engine-rest/task/" + resolve.getId() + "/complete",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("variables",
                        Map.of("resolutionOutcome", Map.of("value", "APPLY", "type", "String"),
                                "resolutions", Map.of("type", "Json", "value", "[{\"personId\":\"" + h1
                                        + "\",\"decision\":\"REMOVE\",\"basis\":\"STRATEGIC_VALUE\"}]"))), h),
                String.class);
        assertThat(rest.getStatusCode().value()).isEqualTo(400);
        assertThat(rest.getBody()).contains("seriously wounded or sick");
        Map<String, Object> defer = Map.of("resolutionOutcome", "APPLY", "resolutions", org.camunda.spin.Spin.JSON(
                List.of(ExchangeDriver.resolution(h1, "DEFER", "STRATEGIC_VALUE", null))));
        assertThatThrownBy(() -> d.complete("coordination-staff", resolve, defer))
                .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("refused");
        // nothing changed; the task is still open
        assertThat(status(ex, h1)).isEqualTo("PROPOSED");
        assertThat(review(ex)).isWaitingAt("Task_ResolveObjections");

        // as Tasklist submits the row: its input fields only, without the prefilled person id
        Map<String, Object> keep = new java.util.HashMap<>(ExchangeDriver.resolution(h1, "KEEP", null, "art. 109 applies"));
        keep.remove("personId");
        d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"), Map.of("resolutionOutcome", "APPLY",
                "resolutions", org.camunda.spin.Spin.JSON(List.of(keep))));
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .anySatisfy(a -> assertThat(a).containsEntry("action", "OBJECTION_KEEP").containsEntry("subject", "person " + h1));
        assertThat(review).isEnded().hasPassed("EndEvent_ListsCleared");
        assertThat(main(ex)).isWaitingAt("CallActivity_NeutralVerification");
    }

    @Test
    void anOverdueReviewIsRemindedThenEscalatedToTheStaff() {
        String ex = exchangeUnderReview("REVIEW-OVERDUE");
        ProcessInstance review = review(ex);
        // five agencies answer in time; the ombudsman does not
        ExchangeDriver.REVIEW_TASKS.forEach((agency, key) -> {
            if (!agency.equals("ombudsman")) {
                d.complete(agency, d.task(ex, key), ExchangeDriver.review(List.of()));
            }
        });
        runJobs(ex);
        Task late = d.task(ex, "Task_ReviewOmbudsman");
        assertThat(Duration.between(Instant.now(), late.getDueDate().toInstant()).toHours()).isBetween(11L, 12L);

        List<Job> timers = management.createJobQuery().processInstanceId(review.getId()).timers().list();
        assertThat(timers).hasSize(2);
        Job reminder = timers.stream().filter(j -> "Event_ReminderDue".equals(activity(j))).findFirst().orElseThrow();
        Job overdue = timers.stream().filter(j -> "Event_ReviewOverdue".equals(activity(j))).findFirst().orElseThrow();
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toMinutes()).isBetween(590L, 600L);
        assertThat(Duration.between(Instant.now(), overdue.getDuedate().toInstant()).toMinutes()).isBetween(710L, 720L);

        management.executeJob(reminder.getId());
        assertThat(tasks.getTaskComments(late.getId())).extracting(c -> c.getFullMessage())
                .anyMatch(m -> m.startsWith("Reminder"));
        assertThat(d.task(ex, "Task_ReviewOmbudsman").getPriority()).isEqualTo(75);

        management.executeJob(overdue.getId());
        assertThat(review).hasPassed("Task_EscalateOverdueReviews").isWaitingAt("Task_ReviewOmbudsman");
        assertThat(runtime.getVariable(review.getId(), "escalatedAgencies")).isEqualTo("ombudsman");
        // visible in the Staff's Tasklist filter (candidate group) at top priority
        List<Task> staffSees = tasks.createTaskQuery().processInstanceBusinessKey(ex)
                .taskCandidateGroup("coordination-staff").list();
        assertThat(staffSees).singleElement().satisfies(t -> {
            assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ReviewOmbudsman");
            assertThat(t.getPriority()).isEqualTo(100);
        });
        // the Staff chases the review but cannot answer for the ombudsman
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_ReviewOmbudsman"),
                ExchangeDriver.review(List.of()))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("only the Office of the Ombudsman");
        tasks.setAssignee(d.task(ex, "Task_ReviewOmbudsman").getId(), null);
        List<Map<String, Object>> audit = d.list("coordination-staff", "/api/exchanges/" + ex + "/audit");
        assertThat(audit).filteredOn(a -> "REVIEW_OVERDUE_ESCALATED".equals(a.get("action"))).singleElement()
                .satisfies(a -> assertThat(a.get("subject")).isEqualTo("ombudsman"));

        d.complete("ombudsman", d.task(ex, "Task_ReviewOmbudsman"), ExchangeDriver.review(List.of()));
        runJobs(ex);
        assertThat(review).isEnded();
        assertThat(management.createJobQuery().processInstanceId(review.getId()).count()).isZero();
    }

    private String activity(Job j) {
        return management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private ProcessInstance main(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult();
    }

    /** The running review of the exchange (the handle stays valid for assertions after it ends). */
    /** The exchange's review process, once its due asynchronous steps (opening a round) have run. */
    private ProcessInstance review(String ex) {
        d.settle(ex);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("interagency-review").singleResult();
    }

    private String status(String ex, long personId) {
        return (String) d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .filter(p -> ((Number) p.get("personId")).longValue() == personId).findFirst().orElseThrow()
                .get("status");
    }

    private static List<String> agenciesFor(List<Map<String, Object>> routing, long personId) {
        return routing.stream().filter(c -> ((Number) c.get("personId")).longValue() == personId)
                .map(c -> (String) c.get("agency")).toList();
    }

    private static Map<String, Object> person(String ref, String side, String family, String given, String category,
                                              boolean art109, String capturedOn, String strategicFlag) {
        Map<String, Object> m = new HashMap<>(ExchangeDriver.person(ref, side, family, given, category, art109,
                "CONFIRMED_ALIVE"));
        m.put("capturedOn", capturedOn);
        if (strategicFlag != null) {
            m.put("strategicFlag", strategicFlag);
        }
        return m;
    }

    private static Map<String, Object> officer(Map<String, Object> m) {
        m.put("officer", true);
        m.put("militaryRank", "captain");
        return m;
    }

    private static Map<String, Object> criminal(Map<String, Object> m) {
        m.put("pendingCriminalProceedings", true);
        return m;
    }
}
