package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.people.CriminalProceedingsRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules of the crossing, each with its negative case: consent to cross (GC III art. 109(3)), refusals at
 * the crossing, hold-backs decided on the manifest and never of someone who crossed, art. 119 only with
 * recorded proceedings and never for art. 109 people, phases independent of earlier follow-up, agreed
 * per-phase dates, and the four-eyes correction of a confirmation.
 */
@AlsoOnPostgres
class CrossingRulesTest extends HandoverTestSupport {

    @Autowired
    CriminalProceedingsRepository proceedings;

    @Test
    @SuppressWarnings("unchecked")
    void nobodyIsConfirmedAsCrossedWithoutRecordedConsent() {
        String ex = toRatification("CROSS-CONSENT-1", List.of(2),
                List.of(home(1, false), home(2, false), release(1, false), release(2, false)));
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        List<Long> out = scheduled(ex, 1, "RELEASE");
        d.manifest(ex, 1, in, 200);
        // the neutral party's finding is missing for one of ours and one of theirs (interview not yet held)
        jdbc.sql("update verification_result set consent_outcome = null where person_id in (?, ?)")
                .params(id(ex, "H-2"), id(ex, "R-1")).update();

        Map<String, Object> refused = d.confirmCrossings(ex, 1, in, out, 409);
        assertThat((String) refused.get("detail")).contains("art. 109(3)")
                .contains(String.valueOf(id(ex, "H-2"))).contains(String.valueOf(id(ex, "R-1")));
        // nothing stored, the step still waits; the same in Tasklist
        assertThat(jdbc.sql("select count(*) from handover_confirmation where exchange_id = ?")
                .param(UUID.fromString(ex)).query(Integer.class).single()).isZero();
        Task confirm = d.task(ex, "Task_ConfirmHandover");
        assertThatThrownBy(() -> d.complete("coordination-staff", confirm, Map.of(
                "crossedHome", in.stream().map(String::valueOf).toList(),
                "crossedReleased", out.stream().map(String::valueOf).toList())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no recorded consent");
        assertThat(person(ex, "H-2")).containsEntry("status", "SCHEDULED");

        // a finding of refusal is no consent either
        jdbc.sql("update verification_result set consent_outcome = 'REFUSES' where person_id in (?, ?)")
                .params(id(ex, "H-2"), id(ex, "R-1")).update();
        d.confirmCrossings(ex, 1, List.of(id(ex, "H-1")), List.of(id(ex, "R-1")), 409);
        // those with consent cross; the two who refused at the crossing are recorded as such
        Map<String, Object> r = d.post("coordination-staff", "/api/exchanges/" + ex + "/phases/1/handover", Map.of(
                "received", List.of(id(ex, "H-1")), "handedOver", List.of(id(ex, "R-2")),
                "refused", List.of(id(ex, "H-2"), id(ex, "R-1"))), 200);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", true).containsEntry("received", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusalAtTheCrossingIsRecordedWithATaskForTheStaffAndNeverRescheduled() {
        String ex = toRatification("CROSS-REFUSAL-1", List.of(2, 1), List.of(home(1, false), home(2, false),
                home(3, false), release(1, false), release(2, false), release(3, false)));
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        List<Long> out = scheduled(ex, 1, "RELEASE");
        long refuses = in.get(1);
        d.manifest(ex, 1, in, 200);
        Map<String, Object> r = d.post("coordination-staff", "/api/exchanges/" + ex + "/phases/1/handover", Map.of(
                "received", List.of(in.get(0)), "handedOver", List.of(out.get(0)), "refused", List.of(refuses),
                "remark", "said at the bridge he stays"), 200);
        assertThat((List<Map<String, Object>>) r.get("discrepancies")).extracting(x -> x.get("kind"))
                .contains("REFUSED_AT_CROSSING");
        Map<String, Object> p = people(ex).stream().filter(x -> ((Number) x.get("personId")).longValue() == refuses)
                .findFirst().orElseThrow();
        assertThat(p).containsEntry("status", "NOT_EXCHANGED").containsEntry("phaseNo", 1);
        assertThat((String) p.get("statusReason")).contains("refused at the crossing").contains("art. 109(3)");
        assertThat(scheduled(ex, 2, "BRING_HOME")).doesNotContain(refuses);

        // the Staff gets the follow-up in the phase's follow-up process, beside phase 2
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-follow-up").singleResult();
        assertThat(followUp).isWaitingAt("Task_NotifyFamilies", "Task_FollowUpRefusals");
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_FollowUpRefusals"), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("refusalFollowUp");
        d.complete("coordination-staff", d.task(ex, "Task_FollowUpRefusals"),
                Map.of("refusalFollowUp", "new private interview by the neutral party requested"));
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(a -> a.get("action"))
                .contains("REFUSAL_AT_CROSSING_FOLLOWED_UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anArt119HoldBackAtTheCrossingNeedsRecordedProceedingsAndNeverTakesAnArt109Person() {
        String ex = toRatification("CROSS-ART119-1", List.of(2), List.of(home(1, false), home(2, false),
                release(1, false), release(2, false), release(3, true)));
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        UUID exId = UUID.fromString(ex);
        long r1 = id(ex, "R-1");
        long wounded = id(ex, "R-3");

        // no proceedings on record: refused
        Map<String, Object> bad = d.manifest("coordination-staff", ex, 1, in, List.of(r1), 400);
        assertThat(bad).containsEntry("field", "heldForProceedings");
        assertThat((String) bad.get("detail")).contains("no recorded criminal proceedings");
        // an art. 109 person is never held back, proceedings or not
        proceedings.record(exId, wounded, "CASE-2026-0042", "Regional prosecutor (invented)", "staff");
        bad = d.manifest("coordination-staff", ex, 1, in, List.of(wounded), 400);
        assertThat((String) bad.get("detail")).contains("art. 109");
        // the neutral party records manifests but does not hold anyone back
        proceedings.record(exId, r1, "CASE-2026-0043", "Regional prosecutor (invented)", "staff");
        d.manifest("neutral-party", ex, 1, in, List.of(r1), 403);

        Map<String, Object> m = d.manifest("coordination-staff", ex, 1, in, List.of(r1), 200);
        assertThat((List<Map<String, Object>>) m.get("discrepancies")).extracting(x -> x.get("kind"))
                .contains("HELD_BACK_ART119");
        assertThat(person(ex, "R-1")).containsEntry("status", "TRACKED");
        assertThat((String) person(ex, "R-1").get("statusReason")).contains("CASE-2026-0043");
        assertThat(proceedings.heldBack(exId)).extracting(c -> c.personId()).containsExactly(r1);
        // held back, so it cannot be confirmed as crossed
        Map<String, Object> refused = d.confirmCrossings(ex, 1, in, List.of(r1, id(ex, "R-2"), wounded), 400);
        assertThat(refused).containsEntry("field", "handedOver");
    }

    /**
     * A seriously wounded or sick person we hold cannot be kept back by leaving them out of the confirmation
     * (a no-show would move them on, after the last phase not exchanged): 400 naming the person and the rule,
     * nothing stored, in Tasklist as in /api. Only their own refusal keeps them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anArt109PersonWeHoldCannotBeLeftOutOfTheCrossing() {
        String ex = toRatification("CROSS-ART109-1", List.of(1), List.of(home(1, false), release(1, false),
                release(2, true)));
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        long h1 = id(ex, "H-1");
        long r1 = id(ex, "R-1");
        long wounded = id(ex, "R-2");
        assertThat(scheduled(ex, 1, "RELEASE")).containsExactlyInAnyOrder(r1, wounded);
        d.manifest(ex, 1, List.of(h1), 200);

        Map<String, Object> bad = d.confirmCrossings(ex, 1, List.of(h1), List.of(r1), 400);
        assertThat(bad).containsEntry("field", "handedOver");
        assertThat((String) bad.get("detail")).contains("person " + wounded).contains("art. 109")
                .contains("cannot be held back");
        assertThat(jdbc.sql("select count(*) from handover_confirmation where exchange_id = ?")
                .param(UUID.fromString(ex)).query(Integer.class).single()).isZero();
        Task confirm = d.task(ex, "Task_ConfirmHandover");
        assertThatThrownBy(() -> d.complete("coordination-staff", confirm, Map.of(
                "crossedHome", List.of(String.valueOf(h1)), "crossedReleased", List.of(String.valueOf(r1)))))
                .hasMessageContaining("person " + wounded).hasMessageContaining("art. 109");
        assertThat(person(ex, "R-2")).containsEntry("status", "SCHEDULED");

        Map<String, Object> r = d.confirmCrossings(ex, 1, List.of(h1), List.of(r1, wounded), 200);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", true).containsEntry("art109", 1);
        assertThat(person(ex, "R-2")).containsEntry("status", "HANDED_OVER");
    }

    @Test
    void phaseTwosClockRunsWhilePhaseOnesFamiliesAreStillBeingNotified() {
        String ex = toRatification("CROSS-INDEPENDENT-1", List.of(1, 1),
                List.of(home(1, false), release(1, false), home(2, false), release(2, false)));
        OffsetDateTime signed = ratifyViaApi(ex);
        d.readyAndGo(ex);
        d.crossing(ex, 1, scheduled(ex, 1, "BRING_HOME"), scheduled(ex, 1, "RELEASE"));

        // phase 1's families are not yet notified ...
        ProcessInstance followUp1 = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-follow-up").singleResult();
        assertThat(followUp1).isWaitingAt("Task_NotifyFamilies");
        // ... and phase 2 has started with its clock armed on its own due time
        ProcessInstance phase2 = phaseInstance(ex);
        assertThat(phase2).isNotNull().isWaitingAt("Task_LogisticsInterior", "Task_LogisticsDefence",
                "Event_DeadlineWarning");
        assertThat(phase(ex, 2)).containsEntry("status", "IN_PROGRESS");
        Job warning = management.createJobQuery().processInstanceId(phase2.getId()).timers().singleResult();
        assertThat(warning.getDuedate().toInstant()).isEqualTo(signed.plusHours(72).minusHours(12).toInstant());

        // phase 2 crosses before phase 1's follow-up is done; the exchange completes only when both are done
        d.readyAndGo(ex);
        d.crossing(ex, 2, scheduled(ex, 2, "BRING_HOME"), scheduled(ex, 2, "RELEASE"));
        assertThat(main(ex)).isNotNull();
        assertThat(d.get("coordination-staff", "/api/exchanges/" + ex).get("stage")).isEqualTo("HANDOVER");
        List<Task> notify = tasks.createTaskQuery().processInstanceBusinessKey(ex).taskDefinitionKey("Task_NotifyFamilies")
                .list();
        assertThat(notify).hasSize(2);
        for (Task t : notify) {
            d.complete("ombudsman", t, d.familyOutcomes(t, "REACHED"));
        }
        assertThat(main(ex)).isNull();
        assertThat(d.get("coordination-staff", "/api/exchanges/" + ex).get("stage")).isEqualTo("COMPLETED");
    }

    @Test
    void agreedPerPhaseDatesAreHonouredAndCheckedAtRatification() {
        String ex = toRatification("CROSS-DATES-1", List.of(1, 1, 1), List.of(home(1, false), release(1, false),
                home(2, false), release(2, false), home(3, false), release(3, false)));
        OffsetDateTime signed = OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime d1 = signed.plusHours(30);
        OffsetDateTime d2 = signed.plusHours(100);
        OffsetDateTime d3 = signed.plusHours(101);
        String path = "/api/exchanges/" + ex + "/ratification";
        // one date per phase, each after the one before
        assertThat(d.post("coordination-staff", path, Map.of("documentRef", "RAT-DATES", "signedAt", signed.toString(),
                "phaseDueAt", List.of(d1.toString(), d2.toString())), 400)).containsEntry("field", "phaseDueAt");
        assertThat(d.post("coordination-staff", path, Map.of("documentRef", "RAT-DATES", "signedAt", signed.toString(),
                "phaseDueAt", List.of(d2.toString(), d1.toString(), d3.toString())), 400)).containsEntry("field", "phaseDueAt");
        assertThat(main(ex)).isNotNull();
        assertThat(runtime.getActiveActivityIds(main(ex).getId())).contains("Task_RecordRatification");

        d.post("coordination-staff", path, Map.of("documentRef", "RAT-DATES", "signedAt", signed.toString(),
                "phaseDueAt", List.of(d1.toString(), d2.toString(), d3.toString())), 200);
        assertThat(OffsetDateTime.parse((String) phase(ex, 1).get("dueAt")).toInstant()).isEqualTo(d1.toInstant());
        assertThat(OffsetDateTime.parse((String) phase(ex, 2).get("dueAt")).toInstant()).isEqualTo(d2.toInstant());
        assertThat(OffsetDateTime.parse((String) phase(ex, 3).get("dueAt")).toInstant()).isEqualTo(d3.toInstant());
        // phase 1's clock runs on its agreed date, not on the configured 48 hours
        Job warning = management.createJobQuery().processInstanceId(phaseInstance(ex).getId()).timers().singleResult();
        assertThat(warning.getDuedate().toInstant()).isEqualTo(d1.minusHours(12).toInstant());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMistakenConfirmationIsCorrectedOnlyByASecondStaffOfficialWithAReason() {
        String second = "staff-second";
        if (identity.createUserQuery().userId(second).count() == 0) {
            User u = identity.newUser(second);
            u.setPassword("second-official-pw");
            u.setFirstName("Second");
            u.setLastName("Official");
            identity.saveUser(u);
            identity.createMembership(second, "coordination-staff");
        }
        String ex = toRatification("CROSS-FOUR-EYES-1", List.of(2), List.of(home(1, false), home(2, false),
                release(1, false), release(2, false)));
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        d.crossing(ex, 1, scheduled(ex, 1, "BRING_HOME"), scheduled(ex, 1, "RELEASE"));
        d.afterPhase(ex);
        long r2 = id(ex, "R-2");
        String path = "/api/exchanges/" + ex + "/phases/1/corrections";
        Map<String, Object> body = Map.of("personId", r2, "crossed", false,
                "reason", "the convoy list shows he stayed on the bus");

        // the official who confirmed cannot correct their own record
        Map<String, Object> own = d.post("coordination-staff", path, body, 409);
        assertThat((String) own.get("detail")).contains("four eyes");
        // a reason is required
        assertThat(post(second, path, Map.of("personId", r2, "crossed", false, "reason", " "), 400)).isNotNull();

        Map<String, Object> r = post(second, path, body, 200);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", false).containsEntry("handedOver", 1);
        assertThat((List<Map<String, Object>>) r.get("corrections")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("correctedBy", second).containsEntry("confirmedBy", "staff")
                .containsEntry("crossedBefore", true).containsEntry("crossedAfter", false));
        assertThat(person(ex, "R-2")).containsEntry("status", "NOT_EXCHANGED");
        assertThat(phase(ex, 1)).containsEntry("parityHolds", false);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).anySatisfy(a -> assertThat(a)
                .containsEntry("action", "CROSSING_CORRECTED").containsEntry("actor", second));
        // the same correction twice is refused
        post(second, path, body, 400);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String user, String path, Object body, int expected) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> r = http.withBasicAuth(user, "second-official-pw")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
        assertThat(r.getStatusCode().value()).as("POST " + path + " -> " + r.getBody()).isEqualTo(expected);
        return r.getBody();
    }
}
