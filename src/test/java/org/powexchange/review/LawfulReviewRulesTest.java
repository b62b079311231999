package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The lawful rules at the Staff's resolution of objections: art. 109 people we hold are never taken off,
 * art. 119 only for a prisoner we hold with recorded proceedings (then named in the hold-back notice), an
 * identity doubt about an art. 109 person needs a second official, and "Defer" may name a phase.
 * All people are invented.
 */
@AlsoOnPostgres
class LawfulReviewRulesTest extends IntegrationTest {

    @BeforeEach
    void driver() {
        if (identity.createUserQuery().userId("staff-two").count() == 0) {
            User u = identity.newUser("staff-two");
            u.setFirstName("Second");
            u.setLastName("Staff Official (test)");
            u.setPassword("demo-staff-two-pw");
            identity.saveUser(u);
            identity.createMembership("staff-two", "coordination-staff");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void removeSecondOfficial() {
        // the context is shared by the suite: leave the demo users as they were
        identity.deleteMembership("staff-two", "coordination-staff");
        identity.deleteUser("staff-two");
    }

    /**
     * "2 for 2" in two phases, under review. To bring home: H-1 seriously wounded (art. 109), H-2, H-3; H-4,
     * H-5 in reserve. To release: R-1 with criminal proceedings pending, R-2, and R-9 seriously wounded
     * (art. 109); in reserve.
     */
    private String underReview(String ref) {
        String ex = d.createExchange(ref, 2, List.of(1, 1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                p("H-1", "BRING_HOME", "Poranenko", true), p("H-2", "BRING_HOME", "Druhyi", false),
                p("H-3", "BRING_HOME", "Tretii", false), p("H-4", "BRING_HOME", "Chetvertyi", false),
                p("H-5", "BRING_HOME", "Piatyi", false),
                criminal(p("R-1", "RELEASE", "Sudimov", false)), p("R-2", "RELEASE", "Vtorov", false),
                p("R-9", "RELEASE", "Ranenov", true), p("R-3", "RELEASE", "Tretyakov", false),
                p("R-4", "RELEASE", "Chetvertakov", false))), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        return ex;
    }

    private static Map<String, Object> p(String ref, String side, String family, boolean art109) {
        Map<String, Object> m = new HashMap<>(ExchangeDriver.person(ref, side, family, "Test", "MILITARY", art109,
                "CONFIRMED_ALIVE"));
        m.put("capturedOn", "2024-0" + (1 + Math.abs(ref.hashCode()) % 9) + "-01");
        return m;
    }

    private static Map<String, Object> criminal(Map<String, Object> m) {
        m.put("pendingCriminalProceedings", true);
        return m;
    }

    private ProcessInstance review(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("interagency-review").singleResult();
    }

    private Map<String, Object> apply(Map<String, Object>... rows) {
        return Map.of("resolutionOutcome", "APPLY", "resolutions", Spin.JSON(List.of(rows)));
    }

    private Map<String, Object> person(String ex, long id) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .filter(x -> ((Number) x.get("personId")).longValue() == id).findFirst().orElseThrow();
    }

    private void refused(String ex, Map<String, Object> vars, String... messageParts) {
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"), vars))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void anArt109PersonWeHoldCanNeverBeRemovedOrDeferredAndArt119NeedsAPrisonerWeHoldWithRecordedProceedings() {
        String ex = underReview("LAWFUL-REVIEW-1");
        long r9 = d.personId(ex, "R-9");
        long r1 = d.personId(ex, "R-1");
        long h2 = d.personId(ex, "H-2");
        d.reviewAll(ex, Map.of(
                "security-service", List.of(ExchangeDriver.objection(r9, "PENDING_CRIMINAL_PROCEEDINGS", "trial"),
                        ExchangeDriver.objection(r1, "PENDING_CRIMINAL_PROCEEDINGS", "trial pending")),
                "interior", List.of(ExchangeDriver.objection(h2, "PENDING_CRIMINAL_PROCEEDINGS", "a case at home"))));
        runJobs(ex);
        assertThat(review(ex)).isWaitingAt("Task_ResolveObjections");
        String pcp = "PENDING_CRIMINAL_PROCEEDINGS";
        Map<String, Object> keepR1 = ExchangeDriver.resolution(r1, "KEEP", null, null);
        Map<String, Object> keepH2 = ExchangeDriver.resolution(h2, "KEEP", null, null);
        Map<String, Object> keepR9 = ExchangeDriver.resolution(r9, "KEEP", null, null);

        // proceedings against R-9 recorded: still, an art. 109 person we hold is never removed nor deferred
        d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + r9 + "/proceedings",
                Map.of("caseReference", "CASE-R9-1", "authority", "Regional Prosecutor's Office (invented)"), 201);
        refused(ex, apply(ExchangeDriver.resolution(r9, "REMOVE", pcp, "leverage"), keepR1, keepH2),
                "Ranenov", "art. 109", "never be removed");
        refused(ex, apply(ExchangeDriver.resolution(r9, "DEFER", pcp, null), keepR1, keepH2), "Ranenov", "art. 109");
        // art. 119 on one of ours: refused; on a prisoner we hold without recorded proceedings: refused
        refused(ex, apply(keepR9, keepR1, ExchangeDriver.resolution(h2, "REMOVE", pcp, null)), "Druhyi", "art. 119",
                "only a prisoner it holds");
        refused(ex, apply(keepR9, ExchangeDriver.resolution(r1, "REMOVE", pcp, null), keepH2), "Sudimov",
                "no criminal proceedings are recorded");
        // nor can proceedings be recorded against one of ours
        assertThat(d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + h2 + "/proceedings",
                Map.of("caseReference", "CASE-H2", "authority", "Somewhere (invented)"), 400))
                .containsEntry("field", "personId");
        // only the Staff records proceedings
        d.post("interior", "/api/exchanges/" + ex + "/people/" + r1 + "/proceedings",
                Map.of("caseReference", "CASE-R1", "authority", "Regional Court (invented)"), 403);
        // through the engine REST API (Tasklist) the refusal is a 400 naming the person
        HttpHeaders h = new HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var rest = d.as("coordination-staff").exchange("/engine-rest/task/" + d.task(ex, "Task_ResolveObjections").getId()
                + "/complete", HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of(
                "resolutionOutcome", Map.of("value", "APPLY", "type", "String"),
                "resolutions", Map.of("type", "Json", "value", "[{\"personId\":\"" + r9
                        + "\",\"decision\":\"REMOVE\",\"basis\":\"" + pcp + "\"},{\"personId\":\"" + r1
                        + "\",\"decision\":\"KEEP\"},{\"personId\":\"" + h2 + "\",\"decision\":\"KEEP\"}]"))), h),
                String.class);
        assertThat(rest.getStatusCode().value()).isEqualTo(400);
        assertThat(rest.getBody()).contains("Ranenov").contains("art. 109");
        assertThat(person(ex, r9)).containsEntry("status", "PROPOSED");

        // with recorded proceedings, R-1 is held back: off the list, named in the hold-back notice
        d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + r1 + "/proceedings",
                Map.of("caseReference", "CASE-2025/041", "authority", "=Regional Court, Kharkiv (invented)"), 201);
        d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"),
                apply(keepR9, ExchangeDriver.resolution(r1, "REMOVE", pcp, "art. 119"), keepH2));
        assertThat(person(ex, r1)).containsEntry("status", "TRACKED");
        assertThat((String) person(ex, r1).get("statusReason")).contains("held back under GC III art. 119")
                .contains("CASE-2025/041");

        Map<String, Object> notice = d.get("coordination-staff", "/api/exchanges/" + ex + "/holdback-notice");
        assertThat((List<Map<String, Object>>) notice.get("heldBack")).singleElement().satisfies(x -> {
            assertThat(((Number) x.get("personId")).longValue()).isEqualTo(r1);
            assertThat(x).containsEntry("familyName", "Sudimov").containsEntry("caseReference", "CASE-2025/041")
                    .containsEntry("authority", "=Regional Court, Kharkiv (invented)");
        });
        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        var csv = d.as("neutral-party").exchange("/api/exchanges/" + ex + "/holdback-notice", HttpMethod.GET,
                new HttpEntity<>(csvHeaders), String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo("personId,externalRef,familyName,givenName,birthDate,caseReference,authority");
        // a formula in a cell is neutralised and the comma quoted
        assertThat(lines[1]).startsWith(r1 + ",R-1,Sudimov,Test,").endsWith(",CASE-2025/041,\"'=Regional Court, Kharkiv (invented)\"");
        assertThat(d.as("defence").getForEntity("/api/exchanges/" + ex + "/holdback-notice", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> "HOLDBACK_NOTICE_ISSUED".equals(a.get("action"))).hasSize(2)
                .extracting(a -> a.get("actor")).containsExactlyInAnyOrder("staff", "icrc");
    }

    @Test
    void anIdentityDoubtAboutAnArt109PersonOfOursNeedsASecondOfficialAndDeferMayNameAPhase() {
        String ex = underReview("LAWFUL-REVIEW-2");
        long h1 = d.personId(ex, "H-1");
        long h3 = d.personId(ex, "H-3");
        d.reviewAll(ex, Map.of("defence", List.of(ExchangeDriver.objection(h1, "IDENTITY_DOUBT", "records differ"),
                ExchangeDriver.objection(h3, "SECURITY_RISK", "assessment pending"))));
        runJobs(ex);
        Map<String, Object> removeH1 = ExchangeDriver.resolution(h1, "REMOVE", "IDENTITY_DOUBT", "records differ");
        Map<String, Object> deferH3 = new HashMap<>(ExchangeDriver.resolution(h3, "DEFER", "SECURITY_RISK", "later"));
        deferH3.put("deferToPhase", 2);
        refused(ex, apply(removeH1, deferH3), "Poranenko", "second Staff official");
        // the same official's own confirmation is not a second pair of eyes
        d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + h1 + "/identity-doubt-confirmations",
                Map.of("comment", "photos do not match"), 201);
        refused(ex, apply(removeH1, deferH3), "Poranenko", "second Staff official");
        // a phase that is not a later one of this exchange, and a phase with KEEP
        Map<String, Object> keepH1 = ExchangeDriver.resolution(h1, "KEEP", null, null);
        Map<String, Object> toPhase3 = new HashMap<>(deferH3);
        toPhase3.put("deferToPhase", 3);
        refused(ex, apply(keepH1, toPhase3), "later phase: 2 to 2");
        Map<String, Object> keepWithPhase = new HashMap<>(ExchangeDriver.resolution(h3, "KEEP", null, null));
        keepWithPhase.put("deferToPhase", 2);
        refused(ex, apply(keepH1, keepWithPhase), "only with DEFER");
        // a second official confirms: the removal is accepted; H-3 stays on the list, from phase 2
        as("staff-two", "demo-staff-two-pw").postForEntity("/api/exchanges/" + ex + "/people/" + h1
                + "/identity-doubt-confirmations", Map.of("comment", "confirmed: DNA sample pending"), Map.class);
        d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"), apply(removeH1, deferH3));
        assertThat(person(ex, h1)).containsEntry("status", "TRACKED");
        assertThat(person(ex, h3)).containsEntry("status", "PROPOSED");
        Map<String, Object> record = d.get("coordination-staff", "/api/exchanges/" + ex + "/review-record");
        assertThat((List<Map<String, Object>>) record.get("resolutions")).filteredOn(r -> "DEFER".equals(r.get("decision")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("deferredToPhase")).isEqualTo(2);
                    assertThat(r.get("replacementPersonId")).isNull();
                });
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> "IDENTITY_DOUBT_CONFIRMED".equals(a.get("action"))).extracting(a -> a.get("actor"))
                .containsExactlyInAnyOrder("staff", "staff-two");
    }
}
