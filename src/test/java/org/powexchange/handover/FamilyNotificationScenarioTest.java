package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.people.CriminalProceedingsRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Ombudsman's "Notify the families": one row per family of the phase with the relative's contact from
 * the family appeal and the reason (returned, refused at the crossing, died before the exchange), one outcome
 * per family checked on the server, and the families not reached back in the task after the retry timer.
 */
@AlsoOnPostgres
class FamilyNotificationScenarioTest extends HandoverTestSupport {

    @Autowired
    CriminalProceedingsRepository proceedings;

    @Test
    void theOmbudsmanAnswersPerFamilyAndTheUnreachedComeBackAfterTheTimer() {
        Map<String, Object> deceased = ExchangeDriver.person("H-9", "BRING_HOME", name("Vyhadko", 9), "Petro", "MILITARY",
                false, "DECEASED");
        String ex = toRatification("FAMILIES-1", List.of(2, 1), List.of(home(1, false), home(2, false), home(3, false),
                deceased, release(1, false), release(2, false), release(3, false)));
        UUID exId = UUID.fromString(ex);
        long returned = id(ex, "H-1");
        long refuses = id(ex, "H-2");
        long died = id(ex, "H-9");
        // the family appeals on record for two of them (as the drafting import keeps them: contact as written)
        appeal(exId, "FAM-1", returned, "+380 44 000 0101");
        appeal(exId, "FAM-2", refuses, "(044) 000-01-02, sister");
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        List<Long> out = scheduled(ex, 1, "RELEASE");
        assertThat(in).containsExactlyInAnyOrder(returned, refuses);
        d.manifest(ex, 1, in, 200);
        d.post("coordination-staff", "/api/exchanges/" + ex + "/phases/1/handover", Map.of("received", List.of(returned),
                "handedOver", List.of(out.get(0)), "refused", List.of(refuses), "remark", "stays by his own choice"), 200);

        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-follow-up").singleResult();
        assertThat(followUp).isWaitingAt("Task_NotifyFamilies", "Task_FollowUpRefusals");
        Task notify = d.task(ex, "Task_NotifyFamilies");
        assertThat(notify.getName()).isEqualTo("Notify the families");

        // one row per family: the returned, the one who refused at the crossing, and ours who died before
        Map<Long, SpinJsonNode> rows = rows(notify);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(returned, refuses, died);
        assertThat(rows.get(returned).prop("reason").stringValue()).startsWith("Returned home");
        assertThat(rows.get(returned).prop("contact").stringValue()).contains("+380 44 000 0101").contains("FAM-1");
        assertThat(rows.get(refuses).prop("reason").stringValue()).startsWith("Refused at the crossing")
                .contains("stays by his own choice");
        assertThat(rows.get(refuses).prop("contact").stringValue()).contains("(044) 000-01-02, sister");
        assertThat(rows.get(died).prop("reason").stringValue()).startsWith("Died");
        assertThat(rows.get(died).prop("contact").stringValue()).isEqualTo("no contact on record");
        // only what notifying needs: no service number, capture place or intelligence flags
        assertThat(rows.get(returned).fieldNames()).containsExactlyInAnyOrder("personId", "person", "reason", "relative",
                "contact", "earlier", "note");

        // checked on the server, field named, nothing written
        refused(notify, List.of(answer(returned, "REACHED", ""), answer(refuses, "UNREACHED", "no answer")),
                "no outcome for the families of 1 person [" + died + "]");
        refused(notify, List.of(answer(returned, "REACHED", ""), answer(refuses, "MAYBE", "x"), answer(died, "NO_CONTACT", "x")),
                "families[2].outcome must be one of REACHED, UNREACHED, NO_CONTACT");
        refused(notify, List.of(answer(returned, "REACHED", ""), answer(returned, "REACHED", ""), answer(died, "NO_CONTACT", "x")),
                "families[2]: person " + returned + " is answered twice");
        refused(notify, List.of(answer(returned, "REACHED", ""), answer(refuses, "UNREACHED", ""), answer(died, "NO_CONTACT", "x")),
                "families[2].note is required when the family was not reached");
        refused(notify, List.of(answer(returned, "REACHED", "x".repeat(501)), answer(refuses, "UNREACHED", "y"),
                answer(died, "NO_CONTACT", "x")), "families[1].note is longer than 500 characters");
        refused(notify, List.of(answer(id(ex, "R-1"), "REACHED", ""), answer(refuses, "UNREACHED", "y"),
                answer(died, "NO_CONTACT", "x")), "is not among the families to notify in phase 1");
        assertThat(jdbc.sql("select count(*) from family_contact_attempt a join family_notification n on n.id = a.notification_id "
                + "where n.exchange_id = ?").param(exId).query(Integer.class).single()).isZero();
        // the same through the engine REST API that Tasklist uses: 400 naming the field
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> rest = d.as("ombudsman").exchange("/engine-rest/task/" + notify.getId() + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("families", Map.of("type", "Json",
                        "value", "[{\"personId\":\"" + returned + "\",\"outcome\":\"REACHED\"}]"))), h), String.class);
        assertThat(rest.getStatusCode().value()).isEqualTo(400);
        assertThat(rest.getBody()).contains("families").contains("no outcome for the families of 2 people");

        OffsetDateTime before = OffsetDateTime.now();
        d.complete("ombudsman", d.task(ex, "Task_NotifyFamilies"), families(List.of(
                answer(returned, "REACHED", "told his mother by phone"),
                answer(refuses, "UNREACHED", "no answer at the number of the appeal"),
                answer(died, "NO_CONTACT", "no relative on record; the bureau is told"))));
        assertThat(outcomes(exId)).containsEntry(returned, "REACHED").containsEntry(refuses, "UNREACHED")
                .containsEntry(died, "NO_CONTACT");

        // the unreached family comes back after powexchange.families.retry-after (24 hours by default)
        assertThat(followUp).isWaitingAt("Event_RetryUnreachedFamilies", "Task_FollowUpRefusals");
        Job retry = management.createJobQuery().processInstanceId(followUp.getId()).timers().singleResult();
        assertThat(Duration.between(before.toInstant(), retry.getDuedate().toInstant()))
                .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24).plusMinutes(1));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ex).taskDefinitionKey("Task_NotifyFamilies").count())
                .isZero();
        management.executeJob(retry.getId());

        Task again = d.task(ex, "Task_NotifyFamilies");
        Map<Long, SpinJsonNode> second = rows(again);
        assertThat(second.keySet()).containsExactly(refuses);
        assertThat(second.get(refuses).prop("earlier").stringValue()).contains("not reached 1×")
                .contains("no answer at the number of the appeal");
        d.complete("ombudsman", again, families(List.of(answer(refuses, "REACHED", "reached his sister in the evening"))));

        assertThat(outcomes(exId)).containsEntry(refuses, "REACHED");
        assertThat(followUp).isWaitingAt("Task_FollowUpRefusals");
        assertThat(jdbc.sql("select attempt_no || ':' || outcome from family_contact_attempt a join family_notification n "
                        + "on n.id = a.notification_id where n.person_id = ? order by attempt_no").param(refuses)
                .query(String.class).list()).containsExactly("1:UNREACHED", "2:REACHED");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> "FAMILIES_NOTIFIED".equals(a.get("action"))).extracting(a -> (String) a.get("detail"))
                .containsExactly("1 families reached, 1 not reached (tried again after PT24H), 1 without a contact",
                        "1 families reached, 0 not reached, 0 without a contact");
        // the phase report shows each family's outcome
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> report = (List<Map<String, Object>>) d.get("coordination-staff",
                "/api/exchanges/" + ex + "/phases/1/report").get("people");
        assertThat(report).filteredOn(p -> ((Number) p.get("personId")).longValue() == returned).singleElement()
                .satisfies(p -> assertThat(p.get("familyNotification")).isEqualTo("REACHED"));
        assertThat(Instant.now()).isAfter(before.toInstant());
    }

    @Test
    void familiesOfThoseNotExchangedHeldBackOrFailedVerificationAreToldWhy() {
        String ex = toRatification("FAMILIES-2", List.of(3), List.of(home(1, false), home(2, false), home(3, false),
                home(4, false), release(1, false), release(2, false), release(3, false)));
        UUID exId = UUID.fromString(ex);
        long failed = id(ex, "H-4");
        // beyond the formula, H-4 stays off the lists; the neutral party's check failed for them
        jdbc.sql("update list_entry set status = 'FAILED_VERIFICATION', status_reason = 'identity not confirmed by the "
                + "neutral party' where person_id = ?").param(failed).update();
        proceedings.record(exId, id(ex, "R-1"), "CASE-2026-0777", "Regional prosecutor (invented)", "staff");
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        // the other side brings only H-1: H-2 and H-3 are not exchanged (no later phase); R-1 is held back under
        // art. 119; one more of ours is held back for parity
        Map<String, Object> m = d.manifest("coordination-staff", ex, 1, List.of(id(ex, "H-1")), List.of(id(ex, "R-1")), 200);
        List<Long> crossing = scheduled(ex, 1, "RELEASE");
        assertThat(crossing).hasSize(1);
        d.confirmCrossings(ex, 1, List.of(id(ex, "H-1")), crossing, 200);
        long parity = List.of(id(ex, "R-2"), id(ex, "R-3")).stream().filter(x -> !crossing.contains(x)).findFirst().orElseThrow();
        assertThat(m).isNotNull();

        Task notify = d.task(ex, "Task_NotifyFamilies");
        Map<Long, SpinJsonNode> rows = rows(notify);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(id(ex, "H-1"), id(ex, "H-2"), id(ex, "H-3"), failed,
                id(ex, "R-1"), parity);
        assertThat(reason(rows, id(ex, "H-1"))).isEqualTo("Returned home in phase 1");
        assertThat(reason(rows, id(ex, "H-2"))).startsWith("Not exchanged").contains("not on the other side's manifest");
        assertThat(reason(rows, failed)).startsWith("Failed verification").contains("identity not confirmed");
        assertThat(reason(rows, id(ex, "R-1"))).startsWith("Held back for criminal proceedings (art. 119)")
                .contains("CASE-2026-0777");
        assertThat(reason(rows, parity)).startsWith("Held back for parity");
        // the other side's people: no family appeal here, their families hear through the ICRC (art. 123)
        assertThat(rows.get(parity).prop("person").stringValue()).endsWith("their side, held by us");
        assertThat(rows.get(parity).prop("contact").stringValue()).contains("Central Tracing Agency");

        List<Map<String, Object>> answers = new ArrayList<>();
        rows.keySet().forEach(p -> answers.add(answer(p, "NO_CONTACT", "no relative on record")));
        d.complete("ombudsman", notify, families(answers));
        // nobody to try again: the follow-up is done and the exchange complete
        assertThat(main(ex)).isNull();
        assertThat(outcomes(exId).values()).hasSize(6).containsOnly("NO_CONTACT");
    }

    private static String reason(Map<Long, SpinJsonNode> rows, long personId) {
        return rows.get(personId).prop("reason").stringValue();
    }

    private void appeal(UUID exchangeId, String ref, long personId, String contact) {
        jdbc.sql("insert into source_record (exchange_id, source, source_ref, side, content_sha256, family_name, given_name, "
                        + "relative_contact, imported_at) values (?, 'FAMILY_APPEALS', ?, 'BRING_HOME', ?, 'Appeal', "
                        + "'Invented', ?, ?)")
                .params(exchangeId, ref, "sha-" + ref, contact, OffsetDateTime.now()).update();
        jdbc.sql("insert into record_link (record_id, person_id, match_confidence, match_basis) select id, ?, 1, 'given' "
                + "from source_record where exchange_id = ? and source = 'FAMILY_APPEALS' and source_ref = ?")
                .params(personId, exchangeId, ref).update();
    }

    private Map<Long, SpinJsonNode> rows(Task task) {
        Map<Long, SpinJsonNode> out = new HashMap<>();
        for (SpinJsonNode n : ((SpinJsonNode) tasks.getVariable(task.getId(), "families")).elements()) {
            out.put(Long.valueOf(n.prop("personId").stringValue()), n);
        }
        return out;
    }

    private static Map<String, Object> answer(long personId, String outcome, String note) {
        Map<String, Object> m = new HashMap<>();
        m.put("personId", String.valueOf(personId));
        m.put("outcome", outcome);
        m.put("note", note);
        return m;
    }

    private static Map<String, Object> families(List<Map<String, Object>> rows) {
        return Map.of("families", Spin.JSON(new ArrayList<>(rows)));
    }

    private void refused(Task task, List<Map<String, Object>> rows, String message) {
        assertThatThrownBy(() -> d.complete("ombudsman", task, families(rows)))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(message);
    }

    private Map<Long, String> outcomes(UUID exchangeId) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select person_id, status from family_notification where exchange_id = ?").param(exchangeId)
                .query(rs -> {
                    out.put(rs.getLong("person_id"), rs.getString("status"));
                });
        return out;
    }
}
