package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.springframework.http.ResponseEntity;

/** The phased handover end to end: parity, hold-back, no-shows, deadlines, families, medical intake, reports. */
@AlsoOnPostgres
class PhaseHandoverScenarioTest extends HandoverTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void threePhasesAllBalancedWithArt109PeopleOutsideParity() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            records.add(home(i, false));
            records.add(release(i, false));
        }
        records.add(home(7, true));      // one of ours, seriously wounded: comes home in phase 1
        records.add(release(7, true));   // two of theirs, seriously wounded: handed over without a counterpart
        records.add(release(8, true));
        String ex = toRatification("HANDOVER-THREE-1", List.of(2, 2, 2), records);

        // ratification by the Coordination Staff's task in Tasklist: document and time of signature
        OffsetDateTime signed = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        assertThat(d.get("coordination-staff", "/api/exchanges/" + ex).get("phases")).asList().isEmpty();
        d.complete("coordination-staff", d.task(ex, "Task_RecordRatification"), Map.of(
                "ratificationDocumentRef", "RAT-THREE-1", "ratificationSignedAt", signed.toString()));
        assertThat(OffsetDateTime.parse((String) phase(ex, 1).get("dueAt")).toInstant())
                .isEqualTo(signed.plusHours(48).toInstant());
        assertThat(OffsetDateTime.parse((String) phase(ex, 2).get("dueAt")).toInstant())
                .isEqualTo(signed.plusHours(72).toInstant());
        assertThat(scheduled(ex, 1, "RELEASE")).hasSize(4); // 2 + both art. 109
        assertThat(scheduled(ex, 1, "BRING_HOME")).hasSize(3);

        for (int n = 1; n <= 3; n++) {
            ProcessInstance phase = phaseInstance(ex);
            d.readyAndGo(ex);
            List<Long> in = scheduled(ex, n, "BRING_HOME");
            List<Long> out = scheduled(ex, n, "RELEASE");
            if (n == 1) { // a handful, person by person in Tasklist: their manifest first, then who crossed
                d.manifestInTasklist(ex, in);
                d.complete("coordination-staff", d.task(ex, "Task_ConfirmHandover"), Map.of(
                        "crossedHome", in.stream().map(String::valueOf).toList(),
                        "crossedReleased", out.stream().map(String::valueOf).toList()));
            } else {
                Map<String, Object> r = d.crossing(ex, n, in, out);
                assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", true)
                        .containsEntry("received", 2).containsEntry("handedOver", 2);
            }
            // the phase is over once crossed; its follow-up runs in its own process beside the next phase
            assertThat(phase).isEnded();
            assertThat(followUp(ex)).isWaitingAt("Task_NotifyFamilies");
            if (n < 3) {
                assertThat(phaseInstance(ex)).isNotNull();
            }
            d.afterPhase(ex);
            assertThat(phase(ex, n)).containsEntry("parityHolds", true).containsEntry("received", 2)
                    .containsEntry("handedOver", 2).containsEntry("art109", n == 1 ? 3 : 0)
                    .containsEntry("status", "COMPLETED");
        }
        assertThat(main(ex)).isNull();
        Map<String, Object> report = d.get("coordination-staff", "/api/exchanges/" + ex + "/report");
        assertThat(report).containsEntry("allPhasesBalanced", true).containsEntry("status", "COMPLETED");
        assertThat((Map<String, Object>) report.get("totals")).containsEntry("repatriated", 7)
                .containsEntry("released", 8).containsEntry("art109", 3).containsEntry("notExchanged", 0)
                .containsEntry("heldBackUnderArt119", 0).containsEntry("stillClaimed", 0);
        assertThat((List<?>) report.get("heldBackUnderArt119")).isEmpty();
        assertThat((List<?>) report.get("stillClaimed")).isEmpty();
        assertThat(people(ex)).filteredOn(p -> "BRING_HOME".equals(p.get("side")))
                .allSatisfy(p -> assertThat(p.get("status")).isEqualTo("REPATRIATED"));
        UUID exId = UUID.fromString(ex);
        assertThat(jdbc.sql("select count(*) from family_notification where exchange_id = ? and status = 'REACHED'")
                .param(exId).query(Integer.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select person_id from medical_intake where exchange_id = ?").param(exId)
                .query(Long.class).list()).containsExactly(id(ex, "H-7"));

        Map<String, Object> p1 = d.get("coordination-staff", "/api/exchanges/" + ex + "/phases/1/report");
        assertThat((List<Map<String, Object>>) p1.get("people")).hasSize(7)
                .allSatisfy(p -> assertThat(p.get("crossed")).isEqualTo(true));
        ResponseEntity<String> csv = d.as("coordination-staff")
                .getForEntity("/api/exchanges/" + ex + "/phases/2/report.csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("phaseNo,personId,externalRef,side");
        assertThat(lines).hasSize(5);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(a -> a.get("action"))
                .contains("EXCHANGE_RATIFIED", "LOGISTICS_READY", "HANDOVER_GO", "FAMILIES_NOTIFIED", "MEDICAL_INTAKE",
                        "FINAL_REPORT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOtherSideDeliversFewerOursIsHeldBackAndTheNoShowMovesToTheNextPhase() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            records.add(home(i, false));
            records.add(release(i, false));
        }
        records.add(release(5, true)); // art. 109: never held back
        String ex = toRatification("HANDOVER-SHORT-1", List.of(2, 2), records);
        ratifyViaApi(ex);
        d.readyAndGo(ex);

        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        List<Long> out = scheduled(ex, 1, "RELEASE");
        assertThat(in).hasSize(2);
        assertThat(out).hasSize(3).contains(id(ex, "R-5"));
        long notBrought = in.get(1);
        // their manifest comes first: they brought one of our two; the shortfall is known before anyone crosses
        Map<String, Object> m = d.manifest(ex, 1, List.of(in.get(0)), 200);
        List<Map<String, Object>> disc = (List<Map<String, Object>>) m.get("discrepancies");
        assertThat(disc).extracting(x -> x.get("kind"))
                .containsExactlyInAnyOrder("NOT_BROUGHT", "HELD_BACK", "SHORTFALL_THEIRS");
        long heldBack = disc.stream().filter(x -> "HELD_BACK".equals(x.get("kind")))
                .map(x -> ((Number) x.get("personId")).longValue()).findFirst().orElseThrow();
        assertThat(heldBack).isNotEqualTo(id(ex, "R-5")); // art. 109: never held back
        assertThat(out).contains(heldBack);
        assertThat(scheduled(ex, 1, "RELEASE")).hasSize(2).doesNotContain(heldBack);

        // nobody can be both held back and handed over: confirming the held-back person as crossed is refused
        Map<String, Object> refused = d.confirmCrossings(ex, 1, List.of(in.get(0)), out, 400);
        assertThat(refused).containsEntry("field", "handedOver");
        assertThat((String) refused.get("detail")).contains("person " + heldBack).contains("held back");
        assertThat(d.task(ex, "Task_ConfirmHandover")).isNotNull();
        List<Long> crossing = out.stream().filter(x -> x != heldBack).toList();
        Map<String, Object> r = d.confirmCrossings(ex, 1, List.of(in.get(0)), crossing, 200);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", true).containsEntry("received", 1)
                .containsEntry("handedOver", 1).containsEntry("art109", 1);
        d.afterPhase(ex);

        // both return to the pool for phase 2, with their reason; the held-back person has no crossing record
        Map<String, Object> moved = people(ex).stream().filter(p -> ((Number) p.get("personId")).longValue() == notBrought)
                .findFirst().orElseThrow();
        assertThat(moved).containsEntry("status", "SCHEDULED").containsEntry("phaseNo", 2);
        assertThat((String) moved.get("statusReason")).contains("not on the other side's manifest in phase 1")
                .contains("moved to phase 2");
        Map<String, Object> back = people(ex).stream().filter(p -> ((Number) p.get("personId")).longValue() == heldBack)
                .findFirst().orElseThrow();
        assertThat(back).containsEntry("status", "SCHEDULED").containsEntry("phaseNo", 2);
        assertThat((String) back.get("statusReason")).contains("held back for parity");
        assertThat(jdbc.sql("select count(*) from handover_confirmation where person_id = ? and phase_no = 1")
                .param(heldBack).query(Integer.class).single()).isZero();
        assertThat(person(ex, "R-5")).containsEntry("status", "HANDED_OVER");

        d.readyAndGo(ex);
        List<Long> in2 = scheduled(ex, 2, "BRING_HOME");
        List<Long> out2 = scheduled(ex, 2, "RELEASE");
        assertThat(in2).hasSize(3).contains(notBrought);
        assertThat(out2).hasSize(3).contains(heldBack);
        r = d.crossing(ex, 2, in2, out2);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("holds", true).containsEntry("received", 3)
                .containsEntry("handedOver", 3);
        d.afterPhase(ex);
        assertThat(main(ex)).isNull();
        Map<String, Object> report = d.get("coordination-staff", "/api/exchanges/" + ex + "/report");
        assertThat((Map<String, Object>) report.get("totals")).containsEntry("repatriated", 4).containsEntry("released", 5)
                .containsEntry("discrepancies", 3);
    }

    /**
     * The final report names what the other side must be told: everyone held back under art. 119 with case
     * reference and authority (as the hold-back notice does), and our seriously wounded whom they refused to
     * release at the agreement, still claimed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFinalReportNamesTheArt119HoldBacksAndOursStillClaimed() {
        String ex = d.createExchange("HANDOVER-LAWFUL-1", 2, List.of(2));
        d.draftAndClearReview(ex, List.of(home(1, false), home(2, false), home(3, true), release(1, false),
                release(2, false)), () -> runJobs(ex));
        // the other side does not offer our seriously wounded H-3; the Staff agrees without him, still claimed
        List<Map<String, Object>> proposed = d.people(ex, "PROPOSED");
        d.counterpartyLists(ex, "CP-LAWFUL-1", proposed.stream()
                        .filter(p -> "BRING_HOME".equals(p.get("side")) && !"H-3".equals(p.get("externalRef")))
                        .map(ExchangeDriver::named).toList(),
                proposed.stream().filter(p -> "RELEASE".equals(p.get("side"))).map(ExchangeDriver::named).toList());
        long h1 = id(ex, "H-1");
        long h2 = id(ex, "H-2");
        long h3 = id(ex, "H-3");
        long r1 = id(ex, "R-1");
        long r2 = id(ex, "R-2");
        d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of(
                "agreedHome", List.of(String.valueOf(h1), String.valueOf(h2)),
                "agreedRelease", List.of(String.valueOf(r1), String.valueOf(r2)),
                "refusedByOtherSide", List.of(String.valueOf(h3)),
                "agreementComment", "they refuse to release him now; we keep claiming him"));
        d.verifyAll(ex, Map.of());
        ratifyViaApi(ex);
        d.readyAndGo(ex);

        // R-2 is held back at the crossing for recorded criminal proceedings (art. 119)
        d.post("coordination-staff", "/api/exchanges/" + ex + "/people/" + r2 + "/proceedings",
                Map.of("caseReference", "CASE-2026-0077", "authority", "District prosecutor (invented)"), 201);
        d.manifest("coordination-staff", ex, 1, List.of(h1, h2), List.of(r2), 200);
        d.confirmCrossings(ex, 1, List.of(h1, h2), List.of(r1), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ReviewDiscrepancy"), Map.of(
                "discrepancyDecision", "ACCEPT", "discrepancyComment", "one held back under art. 119, notified"));
        d.afterPhase(ex);
        assertThat(main(ex)).isNull();

        Map<String, Object> report = d.get("coordination-staff", "/api/exchanges/" + ex + "/report");
        assertThat(report).containsEntry("status", "COMPLETED");
        assertThat((Map<String, Object>) report.get("totals")).containsEntry("repatriated", 2)
                .containsEntry("released", 1).containsEntry("heldBackUnderArt119", 1).containsEntry("stillClaimed", 1);
        assertThat((List<Map<String, Object>>) report.get("heldBackUnderArt119")).singleElement().satisfies(h -> {
            assertThat(((Number) h.get("personId")).longValue()).isEqualTo(r2);
            assertThat(h).containsEntry("externalRef", "R-2").containsEntry("familyName", name("Primerov", 2))
                    .containsEntry("caseReference", "CASE-2026-0077")
                    .containsEntry("authority", "District prosecutor (invented)");
        });
        assertThat((List<Map<String, Object>>) report.get("stillClaimed")).singleElement().satisfies(c -> {
            assertThat(((Number) c.get("personId")).longValue()).isEqualTo(h3);
            assertThat(c).containsEntry("familyName", name("Vyhadko", 3));
            assertThat((String) c.get("reason")).contains("still claimed");
        });
    }

    @Test
    void theBulkApiRefusesPeopleNotScheduledAndPhasesNotWaiting() {
        String ex = toRatification("HANDOVER-BAD-1", List.of(1), List.of(home(1, false), release(1, false)));
        d.confirmCrossings(ex, 1, List.of(), List.of(), 409); // nothing ratified yet, no confirmation step waiting
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        // the crossing is confirmed only after the other side's manifest
        d.confirmCrossings(ex, 1, List.of(id(ex, "H-1")), List.of(id(ex, "R-1")), 409);
        assertThat(d.manifest(ex, 1, List.of(id(ex, "R-1")), 400)).containsEntry("field", "brought");
        d.manifest(ex, 1, List.of(id(ex, "H-1")), 200);
        d.manifest(ex, 1, List.of(id(ex, "H-1")), 409); // recorded once
        Map<String, Object> bad = d.confirmCrossings(ex, 1, List.of(id(ex, "R-1")), List.of(), 400);
        assertThat(bad).containsEntry("field", "received");
        assertThat(d.task(ex, "Task_ConfirmHandover")).isNotNull();
    }

    @Test
    void goIsRefusedUntilBothMinistriesAreReadyAndNoGoSendsTheLogisticsAgain() {
        String ex = toRatification("HANDOVER-GO-1", List.of(1), List.of(home(1, true), home(2, false), release(1, false)));
        ratifyViaApi(ex);
        d.complete("interior", d.task(ex, "Task_LogisticsInterior"), Map.of(
                "transportReady", true, "escortReady", true, "documentsReady", true));
        // a wounded person is in the phase: without a medical escort defence is not ready
        d.complete("defence", d.task(ex, "Task_LogisticsDefence"), Map.of(
                "transportReady", true, "escortReady", true, "medicalEscortReady", false, "documentsReady", true));
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_GoNoGo"), Map.of("goDecision", "GO")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Ministry of Defence has not reported ready");
        d.complete("coordination-staff", d.task(ex, "Task_GoNoGo"),
                Map.of("goDecision", "NO_GO", "goComment", "no ambulance yet"));
        assertThat(phaseInstance(ex)).isWaitingAt("Task_LogisticsInterior", "Task_LogisticsDefence", "Event_DeadlineWarning");
        d.readyAndGo(ex);
        assertThat(phaseInstance(ex)).isWaitingAt("Task_RecordManifest", "Event_DeadlineWarning");
    }

    @Test
    void theWarningAndTheBreachFireAsJobsAndEachDecisionActs() {
        String ex = toRatification("HANDOVER-CLOCK-1", List.of(1, 1),
                List.of(home(1, false), release(1, false), home(2, false), release(2, false)));
        OffsetDateTime signed = ratifyViaApi(ex);
        ProcessInstance phase = phaseInstance(ex);

        Job warning = timer(phase);
        assertThat(warning.getDuedate().toInstant()).isEqualTo(signed.plusHours(36).toInstant());
        management.executeJob(warning.getId());
        Job breach = timer(phase);
        assertThat(breach.getDuedate().toInstant()).isEqualTo(signed.plusHours(48).toInstant());
        management.executeJob(breach.getId());
        assertThat(phase).isWaitingAt("Task_HandleDeadlineBreach", "Task_LogisticsInterior", "Task_LogisticsDefence");
        assertThat(phase(ex, 1)).containsEntry("status", "OVERDUE");

        // renegotiate: phase 1 and phase 2 move by the same delay, the warning and the breach are re-armed
        OffsetDateTime phase2Due = OffsetDateTime.parse((String) phase(ex, 2).get("dueAt"));
        OffsetDateTime newDue = OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.SECONDS);
        d.complete("coordination-staff", d.task(ex, "Task_HandleDeadlineBreach"), Map.of("breachDecision", "RENEGOTIATE",
                "breachComment", "crossing point closed by shelling", "newDueAt", newDue.toString()));
        assertThat(OffsetDateTime.parse((String) phase(ex, 1).get("dueAt")).toInstant()).isEqualTo(newDue.toInstant());
        assertThat(OffsetDateTime.parse((String) phase(ex, 2).get("dueAt")).toInstant())
                .isEqualTo(phase2Due.plus(java.time.Duration.between(signed.plusHours(48), newDue)).toInstant());
        warning = timer(phase);
        assertThat(warning.getDuedate().toInstant()).isEqualTo(newDue.minusHours(12).toInstant());
        management.executeJob(warning.getId());
        management.executeJob(timer(phase).getId());

        // suspend: the handover stops (its open tasks are withdrawn) until the Staff resumes it
        d.complete("coordination-staff", d.task(ex, "Task_HandleDeadlineBreach"),
                Map.of("breachDecision", "SUSPEND", "breachComment", "talks suspended"));
        assertThat(phase).isWaitingAt("Task_ResumePhase");
        assertThat(tasks.createTaskQuery().processInstanceId(phase.getId()).list()).hasSize(1);
        assertThat(management.createJobQuery().processInstanceId(phase.getId()).timers().count()).isZero();
        assertThat(phase(ex, 1)).containsEntry("status", "SUSPENDED");
        OffsetDateTime resumeAt = OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.SECONDS);
        d.complete("coordination-staff", d.task(ex, "Task_ResumePhase"), Map.of("resumeAt", resumeAt.toString()));
        assertThat(phase).isWaitingAt("Task_LogisticsInterior", "Task_LogisticsDefence", "Event_DeadlineWarning");
        assertThat(timer(phase).getDuedate().toInstant()).isEqualTo(resumeAt.minusHours(12).toInstant());
        assertThat(phase(ex, 1)).containsEntry("status", "IN_PROGRESS");

        // continue: after a breach the handover runs on, the clock stops
        management.executeJob(timer(phase).getId());
        management.executeJob(timer(phase).getId());
        d.complete("coordination-staff", d.task(ex, "Task_HandleDeadlineBreach"),
                Map.of("breachDecision", "CONTINUE", "breachComment", "convoy on its way"));
        assertThat(management.createJobQuery().processInstanceId(phase.getId()).timers().count()).isZero();
        d.readyAndGo(ex);
        d.crossing(ex, 1, scheduled(ex, 1, "BRING_HOME"), scheduled(ex, 1, "RELEASE"));
        d.afterPhase(ex);
        assertThat(phase).isEnded();
        Map<String, Object> report = d.get("coordination-staff", "/api/exchanges/" + ex + "/phases/1/report");
        assertThat((List<Map<String, Object>>) report.get("deadlineEvents")).extracting(e -> e.get("kind"))
                .containsExactly("WARNING", "BREACH", "DECISION_RENEGOTIATE", "WARNING", "BREACH", "DECISION_SUSPEND",
                        "RESUMED", "WARNING", "BREACH", "DECISION_CONTINUE");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(a -> a.get("action"))
                .contains("DEADLINE_WARNING", "DEADLINE_BREACHED", "DEADLINE_BREACH_RENEGOTIATE",
                        "DEADLINE_BREACH_SUSPEND", "PHASE_RESUMED", "DEADLINE_BREACH_CONTINUE");
    }

    private ProcessInstance followUp(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-follow-up").singleResult();
    }

    private Job timer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }
}
