package org.powexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One exchange from the first candidate records to the last handover, through every stage:
 * a send-back in drafting, an objection in review sent back to drafting by the Staff, counterparty lists,
 * a refusal of consent replaced from the reserve, the 36-hour warning and 48-hour breach of phase 1 fired
 * as jobs, logistics and go/no-go, families and medical intake, and an unbalanced phase 2 settled by the Staff.
 */
@AlsoOnPostgres
class PrisonerExchangeScenarioTest extends IntegrationTest {

    @Test
    void anExchangeRunsFromDraftToLastHandover() {
        String ex = d.createExchange("SCENARIO-FULL-1", 2, List.of(1, 1));
        ProcessInstance main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult();
        assertThat(main).isWaitingAt("CallActivity_ListDrafting");

        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", true, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-3", "BRING_HOME", "Vigadana", "Olena", "CIVILIAN", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-4", "BRING_HOME", "Zagublenyi", "Taras", "MILITARY", false, null),
                ExchangeDriver.person("H-5", "BRING_HOME", "Uyavnyi", "Mykola", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null),
                ExchangeDriver.person("R-3", "RELEASE", "Obraztsov", "Dmitri", "MILITARY", false, null))), 200);

        // drafting: the drafter sends the lists back once, then confirms the recompiled lists
        ProcessInstance drafting = calledInstance(main, "list-drafting");
        d.settle(ex); // cross-referencing and compiling run as jobs after the import
        assertThat(drafting).isWaitingAt("Task_ConfirmLists");
        assertThat(runtime.getVariable(drafting.getId(), "bringHomeCount")).isEqualTo(3); // 2 + one art. 109
        assertThat(runtime.getVariable(drafting.getId(), "art109Count")).isEqualTo(1);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"),
                Map.of("listsDecision", "SEND_BACK", "draftingComment", "check the civilian's record"));
        assertThat(drafting).isWaitingAt("Event_CandidatesSubmitted");
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-3", "BRING_HOME", "Vigadana", "Olena", "CIVILIAN", false, "CONFIRMED_ALIVE"))),
                200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        assertThat(drafting).isEnded();

        // review, round 1: the security service objects to one person; the Staff sends the lists back to drafting
        d.reviewAll(ex, Map.of("security-service", List.of(ExchangeDriver.objection(d.personId(ex, "H-1"),
                "IDENTITY_DOUBT", "identity of one candidate in doubt"))));
        runJobs(ex);
        d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"), Map.of(
                "resolutionOutcome", "REDRAFT", "resolutionComment", "check the identity before review"));
        assertThat(main).isWaitingAt("CallActivity_ListDrafting");
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"))),
                200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        // round 2: all approve
        d.reviewAll(ex, Map.of());
        runJobs(ex);
        assertThat(main).isWaitingAt("CallActivity_NeutralVerification");
        List<Map<String, Object>> reviews = d.list("coordination-staff", "/api/exchanges/" + ex + "/reviews");
        assertThat(reviews).hasSize(12);
        assertThat(reviews).filteredOn(r -> "OBJECT".equals(r.get("decision"))).singleElement()
                .satisfies(r -> assertThat(r.get("agency")).isEqualTo("security-service"));

        // verification: the other side's lists match ours; one person to release refuses consent and is
        // replaced from the reserve, whose replacement is verified in a second round
        ProcessInstance verification = calledInstance(main, "neutral-verification");
        assertThat(verification).isWaitingAt("Event_CounterpartyListsReceived");
        d.counterpartyListsMatchingOurs(ex, "CP-FULL-1");
        assertThat(verification).isWaitingAt("Task_VerifyPeople");
        List<Map<String, Object>> awaiting = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests");
        assertThat(awaiting).hasSize(5); // 3 to bring home (one art. 109) + 2 to release
        Map<String, Object> recorded = d.verifyAll(ex, Map.of("Primerov", "CONSENT_REFUSED"));
        assertThat(recorded).containsEntry("recorded", 5).containsEntry("verificationComplete", true);
        // the replacement is reviewed by the agencies its routing names and agreed before it is verified
        d.agreeReplacements(ex);
        assertThat(verification).isWaitingAt("Task_VerifyPeople");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests"))
                .singleElement().satisfies(p -> assertThat(p.get("familyName")).isEqualTo("Obraztsov"));
        d.verifyAll(ex, Map.of());
        assertThat(verification).isEnded();
        assertThat(main).isWaitingAt("Task_RecordRatification");

        // ratification starts the clock: phase 1 due 48 hours after signature
        OffsetDateTime signed = OffsetDateTime.now().minusHours(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        d.post("coordination-staff", "/api/exchanges/" + ex + "/ratification",
                Map.of("documentRef", "RAT-2026-01", "signedAt", signed.toString()), 200);
        assertThat(main).isWaitingAt("CallActivity_PhaseHandover");
        Map<String, Object> status = d.get("coordination-staff", "/api/exchanges/" + ex);
        assertThat(status.get("stage")).isEqualTo("HANDOVER");
        List<Map<String, Object>> phases = (List<Map<String, Object>>) status.get("phases");
        assertThat(phases).hasSize(2);
        assertThat(OffsetDateTime.parse((String) phases.get(0).get("dueAt")).toInstant())
                .isEqualTo(signed.plusHours(48).toInstant());

        // phase 1: the 36-hour warning and the 48-hour breach pass first; the Staff decides; then the handover
        ProcessInstance phase1 = calledInstance(main, "phase-handover");
        assertThat(phase1).isWaitingAt("Task_LogisticsInterior", "Task_LogisticsDefence", "Event_DeadlineWarning");
        Job warning = management.createJobQuery().processInstanceId(phase1.getId()).timers().singleResult();
        assertThat(warning.getDuedate().toInstant()).isEqualTo(signed.plusHours(36).toInstant());
        management.executeJob(warning.getId());
        // the warning reaches the Staff's Tasklist; they record what is being done while the deadline stays armed
        assertThat(phase1).isWaitingAt("Task_AcknowledgeWarning", "Event_DeadlineBreached");
        d.complete("coordination-staff", d.task(ex, "Task_AcknowledgeWarning"),
                Map.of("warningAction", "second convoy requested from the interior ministry"));
        Job deadline = management.createJobQuery().processInstanceId(phase1.getId()).timers().singleResult();
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(signed.plusHours(48).toInstant());
        management.executeJob(deadline.getId());
        assertThat(phase1).isWaitingAt("Task_HandleDeadlineBreach", "Task_LogisticsInterior", "Task_LogisticsDefence");
        d.complete("coordination-staff", d.task(ex, "Task_HandleDeadlineBreach"),
                Map.of("breachDecision", "CONTINUE", "breachComment", "convoy delayed at the checkpoint"));
        d.readyAndGo(ex);
        Map<Long, String> phase1People = scheduled(ex, 1);
        // the other side's manifest first, then who crossed
        d.manifestInTasklist(ex, ids(phase1People, "BRING_HOME").stream().map(Long::valueOf).toList());
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmHandover"), Map.of(
                "crossedHome", ids(phase1People, "BRING_HOME"),
                "crossedReleased", ids(phase1People, "RELEASE")));
        // phase 1 is closed; its follow-up runs in its own process while phase 2 is already under way
        assertThat(phase1).isEnded();
        assertThat(calledInstance(main, "phase-follow-up")).isWaitingAt("Task_NotifyFamilies", "Task_MedicalIntake");
        assertThat(calledInstance(main, "phase-handover")).isNotNull();
        d.afterPhase(ex);
        HistoricProcessInstance p1 = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(phase1.getId()).singleResult();
        assertThat(p1.getState()).isEqualTo("COMPLETED");

        // phase 2: the replacement does not cross at the exchange point; parity fails and the Staff decides
        ProcessInstance phase2 = calledInstance(main, "phase-handover");
        d.readyAndGo(ex);
        Map<Long, String> phase2People = scheduled(ex, 2);
        assertThat(ids(phase2People, "RELEASE")).hasSize(1);
        d.manifest(ex, 2, ids(phase2People, "BRING_HOME").stream().map(Long::valueOf).toList(), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmHandover"), Map.of(
                "crossedHome", ids(phase2People, "BRING_HOME"),
                "crossedReleased", List.of(),
                "handoverComment", "the released person's convoy turned back"));
        assertThat(phase2).isWaitingAt("Task_ReviewDiscrepancy");
        d.complete("coordination-staff", d.task(ex, "Task_ReviewDiscrepancy"),
                Map.of("discrepancyDecision", "ESCALATE", "discrepancyComment", "raise at the next negotiation round"));
        d.afterPhase(ex);
        assertThat(phase2).isEnded();
        assertThat(main).isEnded().hasPassed("Task_CompileFinalReport", "Task_CompleteExchange");

        status = d.get("coordination-staff", "/api/exchanges/" + ex);
        assertThat(status.get("stage")).isEqualTo("COMPLETED");
        assertThat(status.get("parityHolds")).isEqualTo(false);
        phases = (List<Map<String, Object>>) status.get("phases");
        assertThat(phases.get(0)).containsEntry("parityHolds", true).containsEntry("art109", 1);
        assertThat(phases.get(1)).containsEntry("parityHolds", false).containsEntry("received", 1)
                .containsEntry("handedOver", 0);
        List<Map<String, Object>> audit = d.list("coordination-staff", "/api/exchanges/" + ex + "/audit");
        assertThat(audit).extracting(a -> a.get("action")).contains("LISTS_SEND_BACK", "REVIEW_OBJECT", "OBJECTIONS_REDRAFT",
                "EXCHANGE_RATIFIED", "DEADLINE_WARNING", "DEADLINE_WARNING_ACKNOWLEDGED", "DEADLINE_BREACHED", "DEADLINE_BREACH_CONTINUE", "DISCREPANCY_ESCALATE", "FAMILIES_NOTIFIED", "MEDICAL_INTAKE", "FINAL_REPORT", "EXCHANGE_COMPLETED");
    }

    private ProcessInstance calledInstance(ProcessInstance parent, String key) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .processDefinitionKey(key).singleResult();
    }

    private Map<Long, String> scheduled(String ex, int phase) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=SCHEDULED").stream()
                .filter(p -> Integer.valueOf(phase).equals(p.get("phaseNo")))
                .collect(Collectors.toMap(p -> ((Number) p.get("personId")).longValue(), p -> (String) p.get("side")));
    }

    private static List<String> ids(Map<Long, String> people, String side) {
        return people.entrySet().stream().filter(e -> e.getValue().equals(side)).map(e -> String.valueOf(e.getKey()))
                .toList();
    }
}
