package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The neutral party answers a verification round in Tasklist ("Verify the people of round N"), as an
 * alternative to /api and the external task: the same consent rule refuses a row, naming it, with nothing
 * stored; whichever way the results arrive first completes the round, once, and the other ways close.
 * All people are invented.
 */
@AlsoOnPostgres
class TasklistVerificationScenarioTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private ProcessInstance verification(String ex) {
        return instanceOf(ex, "neutral-verification");
    }

    /** The persons of the task's rows, by position (what the form's table shows). */
    private List<Map<String, Object>> people(Task task) {
        SpinJsonNode rows = (SpinJsonNode) tasks.getVariable(task.getId(), "peopleToVerify");
        List<Map<String, Object>> out = new ArrayList<>();
        for (SpinJsonNode r : rows.elements()) {
            Map<String, Object> m = new HashMap<>();
            for (String k : r.fieldNames()) {
                m.put(k, r.prop(k).value());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> row(String outcome, String consent) {
        Map<String, Object> r = new HashMap<>();
        r.put("outcome", outcome);
        r.put("consent", consent);
        return r;
    }

    @Test
    void theNeutralPartyCompletesTheRoundInTasklistWithConsent() {
        String ex = d.exchangeInVerification("TLV-1", List.of("Hrytsenko", "Fedorenko"), List.of("Gusev", "Fomin"),
                this::runJobs);
        ProcessInstance v = verification(ex);
        // both ways are open: the neutral party's system (external task) and Tasklist
        assertThat(v).isWaitingAt("Task_VerifyPeople", "Task_VerifyInTasklist");
        Task task = d.task(ex, "Task_VerifyInTasklist");
        assertThat(task.getName()).isEqualTo("Verify the people of round 1");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).singleElement()
                .satisfies(l -> assertThat(l.getGroupId()).isEqualTo("neutral-party"));
        List<Map<String, Object>> people = people(task);
        // identity data and place of detention only: no review facts, no agency data
        assertThat(people).hasSize(4).allSatisfy(p -> assertThat(p.keySet()).containsExactlyInAnyOrder("no", "personId",
                "person", "born", "serviceNumber", "heldBy", "placeOfDetention"));
        assertThat(people).extracting(p -> p.get("person")).containsExactly("Fedorenko Ivan", "Hrytsenko Ivan",
                "Fomin Boris", "Gusev Boris");

        // someone else than the neutral party cannot even claim it
        identity.setAuthentication("staff", List.of("coordination-staff"));
        try {
            assertThatThrownBy(() -> tasks.claim(task.getId(), "staff")).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }

        // Fomin "verified" without the consent finding of the interview: refused naming the row, nothing stored
        List<Map<String, Object>> rows = new ArrayList<>(List.of(row("VERIFIED", "WANTS_REPATRIATION"),
                row("VERIFIED", "WANTS_REPATRIATION"), row("VERIFIED", null), row("VERIFIED", "WANTS_REPATRIATION")));
        Map<String, Object> form = new HashMap<>(Map.of("roundResults", rows,
                "roundInterviewedOn", LocalDate.now().toString(), "roundDelegateRef", "DLG-TL-7"));
        assertThatThrownBy(() -> d.submit("neutral-party", task, form))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Row 3 (Fomin Boris), consent")
                .hasMessageContaining("needs the consent finding of the private interview");
        // wants-repatriation is no consent for a refusal either
        rows.set(2, row("CONSENT_REFUSED", "WANTS_REPATRIATION"));
        assertThatThrownBy(() -> d.submit("neutral-party", task, form))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Row 3 (Fomin Boris), consent");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).isEmpty();
        assertThat(v).isWaitingAt("Task_VerifyInTasklist", "Task_VerifyPeople");

        // Gusev has not decided yet: three results now, Gusev comes back in a new task after a new interview
        rows.set(2, row("VERIFIED", "WANTS_REPATRIATION"));
        rows.set(3, row("CONSENT_UNDECIDED", "UNDECIDED"));
        // two source records give Gusev's place of detention; the newer one is shown, nothing else of them
        Object gusevId = people.get(3).get("personId");
        sourceRecord(ex, gusevId, "MR-G-1", "Camp Oldplace", OffsetDateTime.now().minusDays(3));
        sourceRecord(ex, gusevId, "MR-G-2", "Camp Newplace", OffsetDateTime.now().minusDays(1));
        d.complete("neutral-party", task, form);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).hasSize(4)
                .allSatisfy(r -> assertThat(r.get("recordedBy")).isEqualTo("icrc"))
                .anySatisfy(r -> assertThat((Map<String, Object>) r.get("consent"))
                        .containsEntry("delegateRef", "DLG-TL-7").containsEntry("outcome", "WANTS_REPATRIATION")
                        .containsEntry("interviewedOn", LocalDate.now().toString()));
        Task again = d.task(ex, "Task_VerifyInTasklist");
        assertThat(again.getId()).isNotEqualTo(task.getId());
        assertThat(people(again)).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("person", "Gusev Boris").containsEntry("placeOfDetention", "Camp Newplace")
                .containsEntry("heldBy", "us"));
        assertThat(v).isWaitingAt("Task_VerifyPeople");

        Map<String, Object> gusev = row("VERIFIED", "WANTS_REPATRIATION");
        gusev.put("interviewedOn", LocalDate.now().toString());
        gusev.put("delegateRef", "DLG-TL-8");
        d.complete("neutral-party", again, Map.of("roundResults", List.of(gusev)));
        // the round completes once: the external task is gone with it, the stage goes on
        assertThat(v).isEnded().hasPassed("EndEvent_AllInFromTasklist", "Task_ApplyVerificationResults",
                "EndEvent_VerificationCompleted").hasNotPassed("Task_RecordResults");
        assertThat(externalTasks(v.getId())).isZero();
        assertThat(d.people(ex, "VERIFIED")).hasSize(4);
    }

    @Test
    void aRefusalWithoutConsentThroughTheEngineApiIsAFormErrorNamingTheRow() {
        String ex = d.exchangeInVerification("TLV-2", List.of("Ivashchenko"), List.of("Isaev"), this::runJobs);
        Task task = d.task(ex, "Task_VerifyInTasklist");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String rows = "[{\"outcome\":\"VERIFIED\",\"consent\":\"WANTS_REPATRIATION\"},"
                + "{\"outcome\":\"UNFIT_TO_TRAVEL\",\"medical\":\"ESCORT\",\"consent\":\"UNDECIDED\"}]";
        var refused = d.as("neutral-party").exchange("/engine-rest/task/" + task.getId() + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of(
                        "roundResults", Map.of("value", rows, "type", "Json"),
                        "roundInterviewedOn", Map.of("value", LocalDate.now().toString(), "type", "String"),
                        "roundDelegateRef", Map.of("value", "DLG-TL-9", "type", "String"))), h), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("field", "roundResults");
        assertThat((String) refused.getBody().get("detail")).contains("Row 2 (Isaev Boris), consent")
                .contains("WANTS_REPATRIATION");
        // the persons of the rows are the task's own: a submission cannot rewrite them
        var rewritten = d.as("neutral-party").exchange("/engine-rest/task/" + task.getId() + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of(
                        "peopleToVerify", Map.of("value", "[{\"personId\":1,\"person\":\"x\"}]", "type", "Json"))), h),
                Map.class);
        assertThat(rewritten.getStatusCode().value()).isEqualTo(400);
        assertThat(rewritten.getBody()).containsEntry("field", "peopleToVerify");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void resultsThroughTheApiCloseTheTasklistTaskAndTheRoundCompletesOnce() {
        String ex = d.exchangeInVerification("TLV-3", List.of("Klymenko"), List.of("Kiselev"), this::runJobs);
        ProcessInstance v = verification(ex);
        Task task = d.task(ex, "Task_VerifyInTasklist");
        assertThat(d.verifyAll(ex, Map.of())).containsEntry("verificationComplete", true);
        d.settle(ex);
        assertThat(v).isEnded().hasPassed("Event_ResultsReceivedByApi", "EndEvent_VerificationCompleted")
                .hasNotPassed("EndEvent_AllInFromTasklist", "EndEvent_AllInFromSystem");
        // the Tasklist task was cancelled with the round, never completed
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(v.getId())
                .activityId("Task_VerifyInTasklist").list()).singleElement()
                .satisfies(a -> assertThat(a.isCanceled()).isTrue());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ex).taskDefinitionKey("Task_VerifyInTasklist")
                .count()).isZero();
        assertThat(externalTasks(v.getId())).isZero();
        // the closed task cannot be completed afterwards: nothing is recorded twice
        assertThatThrownBy(() -> d.submit("neutral-party", task, Map.of("roundResults", List.of(
                row("DECEASED", null), row("DECEASED", null))))).isNotNull();
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("VERIFIED"));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(v.getId())
                .activityId("Task_ApplyVerificationResults").count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExternalTaskClosesTheTasklistTask() {
        String ex = d.exchangeInVerification("TLV-4", List.of("Lytvyn"), List.of("Lavrov"), this::runJobs);
        ProcessInstance v = verification(ex);
        Task task = d.task(ex, "Task_VerifyInTasklist");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        List<Map<String, Object>> locked = d.as("neutral-party").exchange("/engine-rest/external-task/fetchAndLock",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "tl-worker", "maxTasks", 5, "topics", List.of(Map.of(
                        "topicName", "neutral-verification", "lockDuration", 60000, "businessKey", ex,
                        "variables", List.of("exchangeId")))), h),
                List.class).getBody();
        assertThat(locked).hasSize(1);
        String results = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests").stream()
                .map(p -> "{\"personId\":" + p.get("personId") + ",\"outcome\":\"VERIFIED\","
                        + NeutralVerificationScenarioTest.CONSENT + "}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var done = d.as("neutral-party").exchange("/engine-rest/external-task/" + locked.get(0).get("id") + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "tl-worker", "variables", Map.of(
                        "verificationResults", Map.of("value", results, "type", "String"))), h), String.class);
        assertThat(done.getStatusCode().value()).isEqualTo(204);
        d.settle(ex);
        assertThat(v).isEnded().hasPassed("EndEvent_AllInFromSystem").hasNotPassed("EndEvent_AllInFromTasklist");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    /** A drafting source record naming a place of detention (and a strategic flag the neutral party must not see). */
    private void sourceRecord(String ex, Object personId, String ref, String place, OffsetDateTime at) {
        jdbc.sql("insert into source_record (exchange_id, source, source_ref, side, content_sha256, family_name, "
                        + "given_name, location_held, strategic_flags, imported_at) "
                        + "values (?, 'MILITARY_RECORDS', ?, 'RELEASE', ?, 'Gusev', 'Boris', ?, 'PILOT', ?)")
                .params(java.util.UUID.fromString(ex), ref, "0".repeat(64), place, at)
                .update();
        jdbc.sql("insert into record_link (record_id, person_id, match_confidence, match_basis) select id, ?, 1, 'given' "
                + "from source_record where exchange_id = ? and source = 'MILITARY_RECORDS' and source_ref = ?")
                .params(((Number) personId).longValue(), java.util.UUID.fromString(ex), ref).update();
    }

    private long externalTasks(String processInstanceId) {
        return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(processInstanceId).count();
    }
}
