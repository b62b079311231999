package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.decisionListener;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.fireTimer;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.powexchange.UnitTest;
import org.powexchange.processes.ProcessTestSupport.Calls;

/**
 * bpmn/phase-handover.bpmn without Spring: one phase's logistics, go/no-go, the other side's manifest
 * before the crossing, the crossing and parity, the clock beside it (warning, breach and the Staff's
 * decision: continue, renegotiate or suspend until resumed), then the phase is closed and announced to
 * the exchange ("PhaseClosed"), which runs the follow-up (families, medical intake, refusals) in
 * phase-follow-up. Stand-ins report what the test queues up; the announcement's stand-in keeps what the
 * real one sends. Variable names are the model's, written out, so a change of the model shows here
 * first. Together the tests take every flow (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/phase-handover.bpmn")
class PhaseHandoverProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final Date FAR = new Date(4_000_000_000_000L);
    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";

    private final Calls calls = new Calls();
    private final Deque<Boolean> parity = new ArrayDeque<>();
    private final Deque<int[]> returned = new ArrayDeque<>();
    private final Deque<Integer> refused = new ArrayDeque<>();
    /** What "Follow-up handed to the exchange" would send with PhaseClosed, one map per phase closed. */
    private final List<Map<String, Object>> announced = new ArrayList<>();
    private final Options options = new Options();

    /** Stand-in of the "handoverOptions" expression bean (who may be ticked); records what each task asked. */
    public static class Options {
        final List<String> asked = new ArrayList<>();

        public Object bringHome(Object exchangeId, Object phaseNo) {
            return ask("bringHome", exchangeId, phaseNo);
        }

        public Object release(Object exchangeId, Object phaseNo) {
            return ask("release", exchangeId, phaseNo);
        }

        public Object everyone(Object exchangeId, Object phaseNo) {
            return ask("everyone", exchangeId, phaseNo);
        }

        public Object withProceedings(Object exchangeId, Object phaseNo) {
            return ask("withProceedings", exchangeId, phaseNo);
        }

        private Object ask(String what, Object exchangeId, Object phaseNo) {
            asked.add(what + "(" + exchangeId + "," + phaseNo + ")");
            return null;
        }
    }

    @BeforeEach
    void standIns() {
        delegate(calls, "preparePhase", Map.of("phaseWarnAt", FAR, "phaseDueAt", FAR));
        delegate(calls, "checkParity", ex -> ex.setVariable("parityHolds", parity.pop()));
        delegate(calls, "closePhase", ex -> {
            int[] r = returned.pop();
            ex.setVariables(Map.of("returnedCount", r[0], "returnedWoundedCount", r[1]));
        });
        // the real step correlates PhaseClosed with the exchange; here it keeps what it would send
        delegate(calls, "announcePhaseClosed", ex -> announced.add(Map.of(
                "phaseNo", ex.getVariable("phaseNo"),
                "returnedCount", ex.getVariable("returnedCount"),
                "returnedWoundedCount", ex.getVariable("returnedWoundedCount"),
                "refusedCount", ex.hasVariable("refusedCount") ? ex.getVariable("refusedCount") : 0)));
        delegate(calls, "warnDeadline", Map.of());
        delegate(calls, "recordBreach", Map.of());
        // the confirmation records who refused at the crossing (a count for the follow-up)
        listener(calls, "recordHandover", task -> task.getExecution().setVariable("refusedCount", refused.pop()));
        for (String l : List.of("reportLogistics", "recordGoDecision", "recordManifest",
                "recordBreachDecision", "resumePhase")) {
            listener(calls, l);
        }
        decisionListener(calls);
        Mocks.register("handoverOptions", options);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        assertThat(parity).as("every queued outcome was used").isEmpty();
        assertThat(returned).isEmpty();
        assertThat(refused).isEmpty();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("phase-handover",
                Map.of("exchangeId", EXCHANGE_ID, "phaseNo", 1));
    }

    private Task open(ProcessInstance pi, String taskId) {
        Task t = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskId).singleResult();
        assertThat(t).as("open task %s", taskId).isNotNull();
        return t;
    }

    private List<String> openTasks(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    private void logisticsThenGo(ProcessInstance pi, String decision) {
        assertThat(open(pi, "Task_LogisticsInterior")).hasCandidateGroup("interior");
        assertThat(open(pi, "Task_LogisticsDefence")).hasCandidateGroup("defence");
        complete(open(pi, "Task_LogisticsInterior"), withVariables("transportReady", true));
        complete(open(pi, "Task_LogisticsDefence"), withVariables("transportReady", true));
        complete(open(pi, "Task_GoNoGo"), withVariables("goDecision", decision));
    }

    /** The manifest first (nobody crosses before it), then the confirmation of who crossed. */
    private void crossing(ProcessInstance pi) {
        assertThat(openTasks(pi)).contains("Task_RecordManifest").doesNotContain("Task_ConfirmHandover");
        complete(open(pi, "Task_RecordManifest"), withVariables("broughtHome", "[]", "heldForProceedings", "[]"));
        complete(open(pi, "Task_ConfirmHandover"), withVariables("crossedHome", "[]", "crossedReleased", "[]",
                "refusedAtCrossing", "[]"));
    }

    private void breachDecided(ProcessInstance pi, String decision) {
        complete(open(pi, "Task_HandleDeadlineBreach"), withVariables("breachDecision", decision,
                "breachComment", "on the record"));
    }

    private static Map<String, Object> announcement(int returnedCount, int wounded, int refusedCount) {
        return Map.of("phaseNo", 1, "returnedCount", returnedCount, "returnedWoundedCount", wounded,
                "refusedCount", refusedCount);
    }

    @Test
    void aBalancedPhaseIsClosedAndAnnouncedWithItsCounts() {
        parity.push(true);
        returned.push(new int[] {0, 0});
        refused.push(0);
        ProcessInstance pi = start();
        // the clock is armed beside the handover
        assertThat(pi).isWaitingAt("Event_DeadlineWarning", "Task_LogisticsInterior", "Task_LogisticsDefence");

        logisticsThenGo(pi, "GO");
        // the manifest is recorded by the Staff or the neutral party, offered our people and those with proceedings
        assertThat(open(pi, "Task_RecordManifest")).hasCandidateGroup("coordination-staff")
                .hasCandidateGroup("neutral-party");
        assertThat(options.asked).containsExactly("bringHome(" + EXCHANGE_ID + ",1)",
                "withProceedings(" + EXCHANGE_ID + ",1)");
        complete(open(pi, "Task_RecordManifest"), withVariables("broughtHome", "[]", "heldForProceedings", "[]"));
        Task confirm = open(pi, "Task_ConfirmHandover");
        assertThat(confirm).hasCandidateGroup("coordination-staff");
        // the confirmation's form is offered both sides' people of this phase and everyone who may refuse
        assertThat(runtimeService().getVariablesLocal(confirm.getExecutionId()))
                .containsKeys("homeOptions", "releaseOptions", "everyoneOptions", "refusedAtCrossing");
        assertThat(options.asked).endsWith("bringHome(" + EXCHANGE_ID + ",1)", "release(" + EXCHANGE_ID + ",1)",
                "everyone(" + EXCHANGE_ID + ",1)");
        complete(confirm, withVariables("crossedHome", "[]", "crossedReleased", "[]", "refusedAtCrossing", "[]"));

        // a balanced crossing terminates the handover, clock included; the follow-up is the exchange's
        assertThat(pi).isEnded().hasPassed("EndEvent_HandoverBalanced", "Task_ClosePhase", "Event_PhaseClosed",
                "EndEvent_PhaseCompleted").hasNotPassed("Task_ReviewDiscrepancy", "Task_WarnStaff");
        assertThat(calls.list()).containsSubsequence("recordManifest@Task_RecordManifest",
                "recordHandover@Task_ConfirmHandover", "checkParity@Task_CheckParity", "closePhase@Task_ClosePhase",
                "announcePhaseClosed@Event_PhaseClosed");
        assertThat(announced).containsExactly(announcement(0, 0, 0));
    }

    @Test
    void noGoRepeatsTheLogisticsAndAnUnbalancedCrossingIsReviewedThenAnnouncedWithRefusals() {
        parity.push(false);
        returned.push(new int[] {3, 1});
        refused.push(2);
        ProcessInstance pi = start();

        logisticsThenGo(pi, "NO_GO");
        assertThat(openTasks(pi)).doesNotContain("Task_RecordManifest");
        logisticsThenGo(pi, "GO");
        crossing(pi);
        assertThat(open(pi, "Task_ReviewDiscrepancy")).hasCandidateGroup("coordination-staff");
        complete(open(pi, "Task_ReviewDiscrepancy"));

        assertThat(pi).isEnded().hasPassed("EndEvent_DiscrepancyRecorded", "Event_PhaseClosed", "EndEvent_PhaseCompleted");
        // the phase ends at once: families, intake and the refusals' follow-up run in the exchange's phase-follow-up
        assertThat(announced).containsExactly(announcement(3, 1, 2));
        assertThat(calls.count("reportLogistics")).isEqualTo(4);
        assertThat(calls.count("recordGoDecision")).isEqualTo(2);
        assertThat(calls.count("recordManifest")).isEqualTo(1);
    }

    @Test
    void theWarningReachesTheStaffAndABreachIsRenegotiatedThenContinued() {
        parity.push(true);
        returned.push(new int[] {2, 0});
        refused.push(0);
        ProcessInstance pi = start();

        fireTimer(pi, "Event_DeadlineWarning");
        assertThat(pi).hasPassed("Task_WarnStaff").isWaitingAt("Event_DeadlineBreached");
        complete(open(pi, "Task_AcknowledgeWarning"));
        assertThat(pi).hasPassed("EndEvent_WarningAcknowledged");

        fireTimer(pi, "Event_DeadlineBreached");
        assertThat(pi).hasPassed("Task_RecordBreach");
        breachDecided(pi, "RENEGOTIATE");
        // renegotiated: the clock is armed again
        assertThat(pi).isWaitingAt("Event_DeadlineWarning");
        fireTimer(pi, "Event_DeadlineWarning");
        fireTimer(pi, "Event_DeadlineBreached");
        breachDecided(pi, "CONTINUE");
        assertThat(pi).hasPassed("EndEvent_ClockStopped");

        logisticsThenGo(pi, "GO");
        crossing(pi);
        assertThat(pi).isEnded();
        assertThat(announced).containsExactly(announcement(2, 0, 0));
        assertThat(calls.count("warnDeadline")).isEqualTo(2);
        assertThat(calls.count("recordBreach")).isEqualTo(2);
    }

    @Test
    void aSuspendedPhaseWithdrawsItsTasksUntilResumedAndRestartsFromLogistics() {
        parity.push(true);
        returned.push(new int[] {0, 0});
        refused.push(0);
        ProcessInstance pi = start();
        complete(open(pi, "Task_LogisticsInterior"), withVariables("transportReady", true));

        fireTimer(pi, "Event_DeadlineWarning");
        fireTimer(pi, "Event_DeadlineBreached");
        breachDecided(pi, "SUSPEND");

        assertThat(pi).hasPassed("EndEvent_PhaseSuspended", "Event_PhaseSuspended");
        assertThat(openTasks(pi)).containsExactly("Task_ResumePhase");
        assertThat(open(pi, "Task_ResumePhase")).hasCandidateGroup("coordination-staff");
        assertThat(announced).as("a suspended phase is not closed").isEmpty();
        complete(open(pi, "Task_ResumePhase"), withVariables("resumeAt", "2026-12-01T10:00:00Z"));

        // the phase restarts from its logistics, the clock armed again
        assertThat(pi).isWaitingAt("Event_DeadlineWarning", "Task_LogisticsInterior", "Task_LogisticsDefence");
        logisticsThenGo(pi, "GO");
        crossing(pi);
        assertThat(pi).isEnded();
        assertThat(announced).hasSize(1);
        assertThat(calls.count("resumePhase")).isEqualTo(1);
    }
}
