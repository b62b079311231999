package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.fireTimer;
import static org.powexchange.processes.ProcessTestSupport.listener;
import static org.powexchange.processes.ProcessTestSupport.runJob;
import static org.powexchange.processes.ProcessTestSupport.runJobs;

import java.util.ArrayDeque;
import java.util.Arrays;
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
 * bpmn/interagency-review.bpmn without Spring: the round opens (a job), the routed agencies review in
 * parallel, the join is a job per arriving review, objections go to the Staff, whose resolution clears
 * the lists, sends them back to drafting or re-opens the review for the agencies concerned; reminder
 * and escalation timers run beside the open reviews. Together the tests take every flow (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/interagency-review.bpmn")
class InteragencyReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final List<String> AGENCIES = List.of("defence", "military-intelligence", "security-service",
            "foreign-intelligence", "interior", "ombudsman");
    static final Date DUE = new Date(1_800_000_000_000L);

    private final Calls calls = new Calls();
    /** objectionCount reported by "Count the objections" at each pass */
    private final Deque<Integer> objections = new ArrayDeque<>();
    /** the Staff's resolution at each "Resolve objections": CLEARED, REDRAFT or REREVIEW:agency,agency */
    private final Deque<String> resolutions = new ArrayDeque<>();

    /** Stand-in of the "reviewOptions" and "reviewDeadlines" expression beans. */
    public static class Options {
        public boolean includes(String agenciesCsv, String agency) {
            return Arrays.asList(agenciesCsv.split(",")).contains(agency);
        }

        public Object concerned(String exchangeId, String agency, String changed) {
            return null;
        }

        public Object people(String exchangeId, String agency, String changed) {
            return null;
        }

        public Object contested(String exchangeId, Object round, Object pass) {
            return null;
        }

        public String dueDuration() {
            return "PT12H";
        }

        public String reminderDuration() {
            return "PT10H";
        }

        public Date dueDate() {
            return DUE;
        }

        public Date followUpDate() {
            return DUE;
        }
    }

    @BeforeEach
    void standIns() {
        delegate(calls, "openReviewRound", Map.of(ReviewProcess.ROUND, 1, ReviewProcess.PASS, 1,
                ReviewProcess.AGENCIES, String.join(",", AGENCIES), ReviewProcess.CHANGED, ""));
        delegate(calls, "recordReviewOutcome", execution -> {
            int n = objections.isEmpty() ? 0 : objections.pop();
            execution.setVariable(ReviewProcess.OBJECTION_COUNT, n);
            if (n == 0) {
                execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
            }
        });
        listener(calls, "recordAgencyReview");
        listener(calls, "resolveObjections", task -> {
            String next = resolutions.pop();
            var execution = task.getExecution();
            if (next.startsWith("REREVIEW:")) {
                execution.setVariable(ReviewProcess.AGENCIES, next.substring("REREVIEW:".length()));
                execution.setVariable(ReviewProcess.PASS, 2);
                next = "REREVIEW";
            } else {
                execution.setVariable(ReviewProcess.OUTCOME,
                        next.equals("REDRAFT") ? ReviewProcess.REJECTED : ReviewProcess.APPROVED);
            }
            execution.setVariable("resolutionNext", next);
        });
        delegate(calls, "remindAgencies", Map.of());
        delegate(calls, "escalateOverdueReviews", Map.of(ReviewProcess.ESCALATED, "interior"));
        Mocks.register("reviewOptions", new Options());
        Mocks.register("reviewDeadlines", new Options());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("interagency-review",
                Map.of("exchangeId", "00000000-0000-0000-0000-000000000001"));
        // opening the round is a job: the drafter's confirmation does not wait for routing
        assertThat(pi).isWaitingAt("Task_OpenReviewRound");
        runJob(pi, "Task_OpenReviewRound");
        return pi;
    }

    private List<String> openReviews(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    /** Completes every open agency review (approving) and runs the join's jobs. */
    private void agenciesComplete(ProcessInstance pi) {
        for (Task t : taskQuery().processInstanceId(pi.getId()).list()) {
            complete(t, withVariables(ReviewProcess.OBJECTIONS, "[]"));
        }
        assertThat(runJobs(pi, "Gateway_ReviewsJoined")).isPositive();
    }

    @Test
    void allSixAgenciesReviewInParallelAndNoObjectionClearsTheLists() {
        ProcessInstance pi = start();

        assertThat(openReviews(pi)).containsExactly("Task_ReviewDefence", "Task_ReviewForeignIntelligence",
                "Task_ReviewInterior", "Task_ReviewMilitaryIntelligence", "Task_ReviewOmbudsman",
                "Task_ReviewSecurityService");
        Task interior = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewInterior").singleResult();
        assertThat(interior).hasCandidateGroup("interior").hasDueDate(DUE);

        agenciesComplete(pi);

        assertThat(pi).isEnded().hasPassed("Task_RecordReviewOutcome", "EndEvent_ListsCleared")
                .hasNotPassed("Task_ResolveObjections");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
        assertThat(calls.count("recordAgencyReview")).isEqualTo(6);
    }

    @Test
    void objectionsGoToTheStaffWhoSendsTheListsBackToDrafting() {
        objections.push(2);
        resolutions.push("REDRAFT");
        ProcessInstance pi = start();
        agenciesComplete(pi);

        assertThat(pi).isWaitingAt("Task_ResolveObjections");
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task(), withVariables(ReviewProcess.RESOLUTION_OUTCOME, ReviewProcess.REDRAFT));

        assertThat(pi).isEnded().hasPassed("EndEvent_SentBackToDrafting");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.REJECTED);
    }

    @Test
    void resolvedObjectionsWithoutChangesClearTheLists() {
        objections.push(1);
        resolutions.push("CLEARED");
        ProcessInstance pi = start();
        agenciesComplete(pi);

        complete(task(), withVariables(ReviewProcess.RESOLUTION_OUTCOME, ReviewProcess.APPLY));

        assertThat(pi).isEnded().hasPassed("Task_ResolveObjections", "EndEvent_ListsCleared");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
    }

    @Test
    void changesGoBackToTheAgenciesConcernedOnly() {
        objections.push(1);
        resolutions.push("REREVIEW:security-service,interior");
        ProcessInstance pi = start();
        agenciesComplete(pi);
        complete(task(), withVariables(ReviewProcess.RESOLUTION_OUTCOME, ReviewProcess.APPLY));

        // the second pass: only the two agencies whose concerns the change touches
        assertThat(openReviews(pi)).containsExactly("Task_ReviewInterior", "Task_ReviewSecurityService");
        agenciesComplete(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_ListsCleared");
        assertThat(calls.count("recordAgencyReview")).isEqualTo(8);
        assertThat(calls.count("recordReviewOutcome")).isEqualTo(2);
        assertThat(calls.count("openReviewRound")).isEqualTo(1);
    }

    @Test
    void theReminderAndTheEscalationRunBesideTheOpenReviews() {
        ProcessInstance pi = start();

        fireTimer(pi, "Event_ReminderDue");
        assertThat(openReviews(pi)).hasSize(6);
        fireTimer(pi, "Event_ReviewOverdue");
        assertThat(openReviews(pi)).hasSize(6);
        assertThat(pi).hasPassed("Task_RemindAgencies", "EndEvent_Reminded", "Task_EscalateOverdueReviews",
                "EndEvent_Escalated");
        assertThat(pi).variables().containsEntry(ReviewProcess.ESCALATED, "interior");

        agenciesComplete(pi);
        // the timers went with the finished reviews: nothing is left to fire
        assertThat(pi).isEnded();
    }
}
