package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * parallel in one shared form (each task with its agency's introduction), the join is a job per arriving
 * review, objections go to the Staff, whose resolution clears the lists, sends them back to drafting or
 * re-opens the review for the agencies concerned; reminder and escalation timers run beside the open
 * reviews. Neutral verification calls the same model for its replacements (reviewScope REPLACEMENTS):
 * only the agencies their routing names review them, and when it names none the round is cleared at once
 * (the default flow "No agency concerned"). Together the tests take every flow (100 %).
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
    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";
    /** each review task: its agency (candidate group and form input) */
    static final Map<String, String> TASKS = Map.of("Task_ReviewDefence", "defence",
            "Task_ReviewMilitaryIntelligence", "military-intelligence", "Task_ReviewSecurityService", "security-service",
            "Task_ReviewForeignIntelligence", "foreign-intelligence", "Task_ReviewInterior", "interior",
            "Task_ReviewOmbudsman", "ombudsman");

    private final Calls calls = new Calls();
    /** objectionCount reported by "Count the objections" at each pass */
    private final Deque<Integer> objections = new ArrayDeque<>();
    /** the Staff's resolution at each "Resolve objections": CLEARED, REDRAFT or REREVIEW:agency,agency */
    private final Deque<String> resolutions = new ArrayDeque<>();
    /** with reviewScope REPLACEMENTS: the agencies the routing of the replacements names (comma separated, may be empty) */
    private final Deque<String> replacementRouting = new ArrayDeque<>();
    /** what "Open the review round" was given: reviewScope and reviewPeople at each call */
    private final List<String> openedWith = new ArrayList<>();
    /** the reviewScope the Staff's listener saw at each "Resolve objections" (it refuses REDRAFT for replacements) */
    private final List<Object> scopeAtResolution = new ArrayList<>();

    /**
     * Stand-in of the "reviewOptions" and "reviewDeadlines" expression beans: the texts and rows it answers
     * name their arguments, so a test sees what each task was given.
     */
    public static class Options {
        public boolean includes(String agenciesCsv, String agency) {
            return Arrays.asList(agenciesCsv.split(",")).contains(agency);
        }

        public String introduction(String agency) {
            if (!AGENCIES.contains(agency)) {
                throw new IllegalArgumentException("not a reviewing agency: " + agency);
            }
            return "Review by " + agency;
        }

        public Object concerned(String exchangeId, String agency, String changed) {
            return "concerned " + agency + " [" + changed + "]";
        }

        public Object people(String exchangeId, String agency, String changed) {
            return "people " + agency + " [" + changed + "]";
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
        // as OpenReviewRoundDelegate: a full round by all six, or the replacements alone by the agencies routed
        delegate(calls, "openReviewRound", execution -> {
            Object scope = execution.getVariable(ReviewProcess.SCOPE);
            openedWith.add(scope + ":" + execution.getVariable(ReviewProcess.PEOPLE));
            execution.setVariable(ReviewProcess.PASS, 1);
            if (ReviewProcess.SCOPE_REPLACEMENTS.equals(scope)) {
                execution.setVariable(ReviewProcess.ROUND, 2);
                execution.setVariable(ReviewProcess.AGENCIES, replacementRouting.pop());
                execution.setVariable(ReviewProcess.CHANGED, execution.getVariable(ReviewProcess.PEOPLE));
            } else {
                execution.setVariable(ReviewProcess.ROUND, 1);
                execution.setVariable(ReviewProcess.AGENCIES, String.join(",", AGENCIES));
                execution.setVariable(ReviewProcess.CHANGED, "");
            }
        });
        delegate(calls, "recordReviewOutcome", execution -> {
            int n = objections.isEmpty() ? 0 : objections.pop();
            execution.setVariable(ReviewProcess.OBJECTION_COUNT, n);
            if (n == 0) {
                execution.setVariable(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
            }
        });
        listener(calls, "recordAgencyReview");
        listener(calls, "resolveObjections", task -> {
            scopeAtResolution.add(task.getVariable(ReviewProcess.SCOPE));
            String next = resolutions.pop();
            var execution = task.getExecution();
            if (next.startsWith("REREVIEW:")) {
                execution.setVariable(ReviewProcess.AGENCIES, next.substring("REREVIEW:".length()));
                execution.setVariable(ReviewProcess.PASS, 2);
                execution.setVariable(ReviewProcess.CHANGED, "77");   // the person the Staff's change brought in
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
        assertThat(objections).as("every queued outcome was used").isEmpty();
        assertThat(resolutions).isEmpty();
        assertThat(replacementRouting).isEmpty();
    }

    private ProcessInstance start() {
        return start(Map.of("exchangeId", EXCHANGE_ID));
    }

    /** The review neutral verification calls for the replacements it proposed (as its call activity passes in). */
    private ProcessInstance startReplacementReview(String people) {
        return start(Map.of("exchangeId", EXCHANGE_ID, ReviewProcess.SCOPE, ReviewProcess.SCOPE_REPLACEMENTS,
                ReviewProcess.PEOPLE, people));
    }

    private ProcessInstance start(Map<String, Object> variables) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("interagency-review", variables);
        // opening the round is a job: the drafter's confirmation does not wait for routing
        assertThat(pi).isWaitingAt("Task_OpenReviewRound");
        runJob(pi, "Task_OpenReviewRound");
        return pi;
    }

    private static Task review(ProcessInstance pi, String taskId) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskId).singleResult();
    }

    /** A variable of the review task's own scope: the inputs of its form. */
    private static Object local(Task t, String name) {
        return runtimeService().getVariableLocal(t.getExecutionId(), name);
    }

    private List<String> openReviews(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).list().stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    /** Completes every open agency review (approving, in the order of their ids) and runs the join's jobs. */
    private void agenciesComplete(ProcessInstance pi) {
        for (Task t : taskQuery().processInstanceId(pi.getId()).list().stream()
                .sorted(Comparator.comparing(Task::getTaskDefinitionKey)).toList()) {
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
        // one form for all six: each task carries its own agency, introduction and rows (the whole lists in pass 1)
        TASKS.forEach((taskId, agency) -> {
            Task t = review(pi, taskId);
            assertThat(t).hasCandidateGroup(agency).hasDueDate(DUE);
            assertThat(t.getFollowUpDate()).isEqualTo(DUE);
            assertThat(local(t, ReviewProcess.AGENCY)).isEqualTo(agency);
            assertThat(local(t, "reviewIntroduction")).isEqualTo("Review by " + agency);
            assertThat(local(t, "concernedPeople")).isEqualTo("concerned " + agency + " []");
            assertThat(local(t, "personOptions")).isEqualTo("people " + agency + " []");
        });

        agenciesComplete(pi);

        assertThat(pi).isEnded().hasPassed("Task_RecordReviewOutcome", "EndEvent_ListsCleared")
                .hasNotPassed("Task_ResolveObjections");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
        assertThat(openedWith).containsExactly("null:null");
        assertThat(calls.list()).filteredOn(c -> c.startsWith("recordAgencyReview@"))
                .containsExactlyInAnyOrderElementsOf(TASKS.keySet().stream().map(t -> "recordAgencyReview@" + t).toList());
        assertThat(calls.count("recordReviewOutcome")).isEqualTo(1);
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

        // the second pass: only the two agencies whose concerns the change touches, shown the changed person only
        assertThat(openReviews(pi)).containsExactly("Task_ReviewInterior", "Task_ReviewSecurityService");
        assertThat(local(review(pi, "Task_ReviewInterior"), "concernedPeople")).isEqualTo("concerned interior [77]");
        assertThat(review(pi, "Task_ReviewSecurityService")).hasCandidateGroup("security-service");
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

    @Test
    void replacementsAreReviewedAloneByTheAgenciesTheirRoutingNames() {
        replacementRouting.push("security-service,interior");
        objections.add(1);         // the Security Service objects to one replacement
        objections.add(0);
        resolutions.push("REREVIEW:security-service");
        ProcessInstance pi = startReplacementReview("41,42");

        assertThat(openedWith).containsExactly("REPLACEMENTS:41,42");
        assertThat(pi).variables().containsEntry(ReviewProcess.AGENCIES, "security-service,interior")
                .containsEntry(ReviewProcess.CHANGED, "41,42");
        // only the two agencies routed, each shown the replacements only
        assertThat(openReviews(pi)).containsExactly("Task_ReviewInterior", "Task_ReviewSecurityService");
        Task security = review(pi, "Task_ReviewSecurityService");
        assertThat(security).hasCandidateGroup("security-service");
        assertThat(local(security, "reviewIntroduction")).isEqualTo("Review by security-service");
        assertThat(local(security, "concernedPeople")).isEqualTo("concerned security-service [41,42]");
        assertThat(local(security, "personOptions")).isEqualTo("people security-service [41,42]");
        agenciesComplete(pi);

        // the Staff decides per person; its listener still sees the scope (and so refuses a redraft)
        assertThat(pi).isWaitingAt("Task_ResolveObjections");
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task(), withVariables(ReviewProcess.RESOLUTION_OUTCOME, ReviewProcess.APPLY));
        assertThat(scopeAtResolution).containsExactly(ReviewProcess.SCOPE_REPLACEMENTS);

        // the replacement of the removed replacement goes to the Security Service alone
        assertThat(openReviews(pi)).containsExactly("Task_ReviewSecurityService");
        assertThat(local(review(pi, "Task_ReviewSecurityService"), "concernedPeople"))
                .isEqualTo("concerned security-service [77]");
        agenciesComplete(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_ListsCleared").hasNotPassed("EndEvent_SentBackToDrafting");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.APPROVED);
        assertThat(calls.list()).containsExactly("openReviewRound@Task_OpenReviewRound",
                "recordAgencyReview@Task_ReviewInterior", "recordAgencyReview@Task_ReviewSecurityService",
                "recordReviewOutcome@Task_RecordReviewOutcome", "resolveObjections@Task_ResolveObjections",
                "recordAgencyReview@Task_ReviewSecurityService", "recordReviewOutcome@Task_RecordReviewOutcome");
    }

    @Test
    void replacementsThatConcernNoAgencyAreClearedAtOnceByTheDefaultFlow() {
        replacementRouting.push("");
        ProcessInstance pi = startReplacementReview("43");

        // no review task opens: "No agency concerned" goes straight to the join (a job, like every arrival)
        assertThat(openReviews(pi)).isEmpty();
        assertThat(runJobs(pi, "Gateway_ReviewsJoined")).isEqualTo(1);

        assertThat(pi).isEnded().hasPassed("Gateway_WhichAgencies", "Gateway_ReviewsJoined", "EndEvent_ReviewsDone",
                "Task_RecordReviewOutcome", "EndEvent_ListsCleared");
        for (String taskId : TASKS.keySet()) {
            assertThat(pi).hasNotPassed(taskId);
        }
        assertThat(pi).hasNotPassed("Task_ResolveObjections", "Task_RemindAgencies", "Task_EscalateOverdueReviews");
        assertThat(pi).variables().containsEntry(ReviewProcess.OUTCOME, ReviewProcess.APPROVED)
                .containsEntry(ReviewProcess.OBJECTION_COUNT, 0);
        assertThat(calls.list()).containsExactly("openReviewRound@Task_OpenReviewRound",
                "recordReviewOutcome@Task_RecordReviewOutcome");
        // the reminder and escalation timers went with the sub-process
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
