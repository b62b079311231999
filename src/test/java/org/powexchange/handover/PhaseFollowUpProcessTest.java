package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;
import org.powexchange.processes.ProcessTestSupport;
import org.powexchange.processes.ProcessTestSupport.Calls;

/**
 * bpmn/phase-follow-up.bpmn without Spring: what follows one closed phase, decided by the counts the
 * phase announced (PhaseClosed): families notified (ombudsman) when there are families to tell (of the
 * returned, and of those held back, refused or not exchanged), the unreached again after the retry timer; medical intake
 * (defence) when wounded returned, the refusals at the crossing followed up (Staff) when someone
 * refused; nothing when none of these. One row per case; each task is completed by {@link #complete(Task)}
 * with the fields its form submits, so a change to one task's part (e.g. the families' notification)
 * changes that method and its rows only. Together the rows take every flow (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/phase-follow-up.bpmn")
class PhaseFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    /** Each follow-up task: its listener's bean name, candidate group and the fields its form submits. */
    static final Map<String, String> LISTENER = Map.of(
            "Task_NotifyFamilies", "recordFamilyNotification",
            "Task_MedicalIntake", "recordMedicalIntake",
            "Task_FollowUpRefusals", "recordRefusalFollowUp");
    static final Map<String, String> GROUP = Map.of(
            "Task_NotifyFamilies", "ombudsman",
            "Task_MedicalIntake", "defence",
            "Task_FollowUpRefusals", "coordination-staff");
    static final Map<String, Map<String, Object>> SUBMITS = Map.of(
            "Task_NotifyFamilies", Map.of("families", Spin.JSON("[{\"personId\": \"7\", \"outcome\": \"REACHED\"}]")),
            "Task_MedicalIntake", Map.of("medicalFacility", "Field hospital 3", "medicalComment", "admitted"),
            "Task_FollowUpRefusals", Map.of("refusalFollowUp", "interviewed by the neutral party"));

    private final Calls calls = new Calls();

    /** How many families the Ombudsman's stand-in reports not reached, per completion in turn (then none). */
    private final Deque<Integer> unreached = new ArrayDeque<>();

    /** The form rows' and the retry timer's bean (FamilyNoticeForm) as the model calls it. */
    public static final class FamilyNoticesStandIn {
        public SpinJsonNode rows(String exchangeId, Object phaseNo) {
            return Spin.JSON("[{\"personId\": \"7\", \"person\": \"Vyhadko Ivan\"}]");
        }

        public String retryAfter() {
            return "PT24H";
        }
    }

    @BeforeEach
    void standIns() {
        LISTENER.values().forEach(l -> listener(calls, l));
        // the real listener's contract: how many families were not reached decides whether the task comes back
        listener(calls, "recordFamilyNotification", task -> task.getExecution().setVariable("unreachedFamilyCount",
                unreached.isEmpty() ? 0 : unreached.pop()));
        Mocks.register("familyNotices", new FamilyNoticesStandIn());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private static void complete(Task t) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(t, SUBMITS.get(t.getTaskDefinitionKey()));
    }

    @Test
    void unreachedFamiliesComeBackAfterTheRetryTimerUntilEveryFamilyIsAnswered() {
        unreached.push(1);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("phase-follow-up", "EX-2", Map.of(
                "exchangeId", "00000000-0000-0000-0000-000000000002", "phaseNo", 1,
                "familiesToNotify", 3, "returnedWoundedCount", 0, "refusedCount", 0));
        Task first = taskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(first.getName()).isEqualTo("Notify the families");
        assertThat(first).hasCandidateGroup("ombudsman");
        // the rows the form shows are task-local: they do not stay on the process instance
        assertThat(taskService().getVariable(first.getId(), "families").toString()).contains("Vyhadko Ivan");
        complete(first);

        assertThat(pi).isWaitingAt("Event_RetryUnreachedFamilies");
        assertThat(runtimeService().getVariable(pi.getId(), "families")).isNull();
        Job retry = jobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), retry.getDuedate().toInstant()))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24).plusMinutes(1));
        ProcessTestSupport.fireTimer(pi, "Event_RetryUnreachedFamilies");

        complete(taskQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).isEnded().hasPassedInOrder("Task_NotifyFamilies", "Gateway_AllFamiliesReached",
                "Event_RetryUnreachedFamilies", "Task_NotifyFamilies", "Gateway_AllFamiliesReached", "Gateway_FollowUpDone");
        assertThat(calls.list()).containsExactly("recordFamilyNotification@Task_NotifyFamilies",
                "recordFamilyNotification@Task_NotifyFamilies");
    }

    @ParameterizedTest(name = "families {0}, wounded {1}, refused {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            "0; 0; 0; ",
            "2; 0; 0; Task_NotifyFamilies",
            "3; 1; 0; Task_MedicalIntake Task_NotifyFamilies",
            "0; 0; 2; Task_FollowUpRefusals",
            "3; 1; 1; Task_FollowUpRefusals Task_MedicalIntake Task_NotifyFamilies"})
    void theCountsDecideWhatFollowsAndThePhaseIsFollowedUpWhenAllIsDone(int families, int wounded, int refused,
            String expected) {
        List<String> tasks = expected == null ? List.of() : Arrays.asList(expected.split(" "));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("phase-follow-up", "EX-1", Map.of(
                "exchangeId", "00000000-0000-0000-0000-000000000001", "phaseNo", 2,
                "familiesToNotify", families, "returnedWoundedCount", wounded, "refusedCount", refused));

        List<Task> open = taskQuery().processInstanceId(pi.getId()).list().stream()
                .sorted(Comparator.comparing(Task::getTaskDefinitionKey)).toList();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactlyElementsOf(tasks);
        for (Task t : open) {
            assertThat(t).hasCandidateGroup(GROUP.get(t.getTaskDefinitionKey()));
        }
        // the tasks are independent: the phase is followed up only once the last is done
        for (int i = 0; i < open.size(); i++) {
            assertThat(pi).isNotEnded();
            complete(open.get(i));
        }

        assertThat(pi).isEnded().hasPassed("EndEvent_PhaseFollowedUp");
        assertThat(calls.list()).containsExactlyInAnyOrderElementsOf(
                tasks.stream().map(k -> LISTENER.get(k) + "@" + k).toList());
        if (tasks.isEmpty()) {
            assertThat(pi).hasPassed("Gateway_FollowUpDone")
                    .hasNotPassed("Task_NotifyFamilies", "Task_MedicalIntake", "Task_FollowUpRefusals");
        }
    }
}
