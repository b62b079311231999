package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.fireTimer;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.util.ArrayDeque;
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
 * bpmn/phase-handover.bpmn without Spring: one phase's logistics, go/no-go, the crossing and parity,
 * the clock beside it (warning, breach and the Staff's decision: continue, renegotiate or suspend
 * until resumed), then families and medical intake. Stand-ins report what the test queues up.
 * Variable names are the model's, written out, so a change of the model shows here first.
 * Together the tests take every flow (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/phase-handover.bpmn")
class PhaseHandoverProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final Date FAR = new Date(4_000_000_000_000L);

    private final Calls calls = new Calls();
    private final Deque<Boolean> parity = new ArrayDeque<>();
    private final Deque<int[]> returned = new ArrayDeque<>();

    /** Stand-in of the "handoverOptions" expression bean (who may be ticked as crossed). */
    public static class Options {
        public Object bringHome(Object exchangeId, Object phaseNo) {
            return null;
        }

        public Object release(Object exchangeId, Object phaseNo) {
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
        delegate(calls, "warnDeadline", Map.of());
        delegate(calls, "recordBreach", Map.of());
        for (String l : List.of("reportLogistics", "recordGoDecision", "recordHandover", "recordDiscrepancyDecision",
                "recordWarningAcknowledged", "recordBreachDecision", "resumePhase", "recordFamilyNotification",
                "recordMedicalIntake")) {
            listener(calls, l);
        }
        Mocks.register("handoverOptions", new Options());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        assertThat(parity).as("every queued outcome was used").isEmpty();
        assertThat(returned).isEmpty();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("phase-handover",
                Map.of("exchangeId", "00000000-0000-0000-0000-000000000001", "phaseNo", 1));
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

    private void crossing(ProcessInstance pi) {
        complete(open(pi, "Task_ConfirmHandover"), withVariables("crossedHome", "[]", "crossedReleased", "[]"));
    }

    private void breachDecided(ProcessInstance pi, String decision) {
        complete(open(pi, "Task_HandleDeadlineBreach"), withVariables("breachDecision", decision,
                "breachComment", "on the record"));
    }

    @Test
    void aBalancedPhaseWithNobodyReturnedEndsWithoutFamiliesOrIntake() {
        parity.push(true);
        returned.push(new int[] {0, 0});
        ProcessInstance pi = start();
        // the clock is armed beside the handover
        assertThat(pi).isWaitingAt("Event_DeadlineWarning", "Task_LogisticsInterior", "Task_LogisticsDefence");

        logisticsThenGo(pi, "GO");
        crossing(pi);

        // a balanced crossing terminates the handover, clock included
        assertThat(pi).isEnded().hasPassed("EndEvent_HandoverBalanced", "Task_ClosePhase", "EndEvent_PhaseCompleted")
                .hasNotPassed("Task_NotifyFamilies", "Task_MedicalIntake", "Task_WarnStaff");
    }

    @Test
    void noGoRepeatsTheLogisticsAndAnUnbalancedCrossingIsReviewedThenFamiliesAndIntake() {
        parity.push(false);
        returned.push(new int[] {3, 1});
        ProcessInstance pi = start();

        logisticsThenGo(pi, "NO_GO");
        logisticsThenGo(pi, "GO");
        crossing(pi);
        assertThat(open(pi, "Task_ReviewDiscrepancy")).hasCandidateGroup("coordination-staff");
        complete(open(pi, "Task_ReviewDiscrepancy"));

        assertThat(pi).hasPassed("EndEvent_DiscrepancyRecorded");
        assertThat(openTasks(pi)).containsExactly("Task_MedicalIntake", "Task_NotifyFamilies");
        assertThat(open(pi, "Task_NotifyFamilies")).hasCandidateGroup("ombudsman");
        assertThat(open(pi, "Task_MedicalIntake")).hasCandidateGroup("defence");
        complete(open(pi, "Task_NotifyFamilies"));
        complete(open(pi, "Task_MedicalIntake"));
        assertThat(pi).isEnded().hasPassed("EndEvent_PhaseCompleted");
        assertThat(calls.count("reportLogistics")).isEqualTo(4);
        assertThat(calls.count("recordGoDecision")).isEqualTo(2);
    }

    @Test
    void theWarningReachesTheStaffAndABreachIsRenegotiatedThenContinued() {
        parity.push(true);
        returned.push(new int[] {2, 0});
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
        assertThat(openTasks(pi)).containsExactly("Task_NotifyFamilies");
        complete(open(pi, "Task_NotifyFamilies"));
        assertThat(pi).isEnded();
        assertThat(calls.count("warnDeadline")).isEqualTo(2);
        assertThat(calls.count("recordBreach")).isEqualTo(2);
    }

    @Test
    void aSuspendedPhaseWithdrawsItsTasksUntilResumedAndRestartsFromLogistics() {
        parity.push(true);
        returned.push(new int[] {0, 0});
        ProcessInstance pi = start();
        complete(open(pi, "Task_LogisticsInterior"), withVariables("transportReady", true));

        fireTimer(pi, "Event_DeadlineWarning");
        fireTimer(pi, "Event_DeadlineBreached");
        breachDecided(pi, "SUSPEND");

        assertThat(pi).hasPassed("EndEvent_PhaseSuspended", "Event_PhaseSuspended");
        assertThat(openTasks(pi)).containsExactly("Task_ResumePhase");
        assertThat(open(pi, "Task_ResumePhase")).hasCandidateGroup("coordination-staff");
        complete(open(pi, "Task_ResumePhase"), withVariables("resumeAt", "2026-12-01T10:00:00Z"));

        // the phase restarts from its logistics, the clock armed again
        assertThat(pi).isWaitingAt("Event_DeadlineWarning", "Task_LogisticsInterior", "Task_LogisticsDefence");
        logisticsThenGo(pi, "GO");
        crossing(pi);
        assertThat(pi).isEnded();
        assertThat(calls.count("resumePhase")).isEqualTo(1);
    }
}
