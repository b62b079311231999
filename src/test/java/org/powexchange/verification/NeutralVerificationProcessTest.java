package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.decisionListener;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.deployStage;
import static org.powexchange.processes.ProcessTestSupport.fireTimer;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * bpmn/neutral-verification.bpmn without Spring: the other side's lists are reconciled (and agreed by
 * the Staff when they differ), the neutral party verifies in rounds through an external task or
 * results arrive via /api, late results and an exhausted reserve go to the Staff. Replacements are
 * reviewed first (the call of interagency-review with reviewScope REPLACEMENTS, here a one-task
 * stand-in), then agreed by the other side (the Staff's "Agree final lists", or amended lists through
 * the message boundary event) before they are verified; our reserve added at the agreement is reviewed
 * the same way. Each round is offered at once to the neutral party's system (the external task) and in
 * Tasklist ("Verify the people of round N"); whichever brings in every result first ends the round (a
 * terminate end event inside the round's sub-process), and results via /api interrupt it. Each stand-in step reports what the test queues up for it. Variable names are the
 * model's, written out, so a change of the model shows here first. Together the tests take every flow
 * (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/neutral-verification.bpmn")
class NeutralVerificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";
    static final String STAGE_TASK = "Task_Stage";

    private final Calls calls = new Calls();
    private final Deque<Boolean> listsAgreed = new ArrayDeque<>();
    /** peopleToReview left by "Agree final lists": our reserve the Staff added (comma separated ids, or empty) */
    private final Deque<String> addedAtAgreement = new ArrayDeque<>();
    private final Deque<Integer> awaiting = new ArrayDeque<>();
    private final Deque<Integer> outstanding = new ArrayDeque<>();
    /** outstandingCount after each completion of "Verify the people of round N" in Tasklist */
    private final Deque<Integer> outstandingInTasklist = new ArrayDeque<>();
    private int rounds;
    /** replacementOutcome of each proposal; REPLACED:ids also names the proposed people */
    private final Deque<String> replacement = new ArrayDeque<>();
    /** the counterparty list id "Reconcile" read at each pass */
    private final List<Object> reconciled = new ArrayList<>();
    private String reviewStandIn;

    /** Stand-in of the "agreementOptions" expression bean: what Agree final lists shows names its arguments. */
    public static class Options {
        public Object options(Object exchangeId, Object listId, String side) {
            return side + " options of list " + listId;
        }

        public Object preselected(Object exchangeId, Object listId, String side) {
            return side + " preselected of list " + listId;
        }

        public Object unknownToUs(Object listId) {
            return "unknown to us in list " + listId;
        }

        public Object art109Home(Object exchangeId, Object listId) {
            return "art. 109 of ours in list " + listId;
        }
    }

    /** Stand-in of the "verificationForm" expression bean (what "Verify the people of round N" shows). */
    public static class RoundForm {
        public Object people(Object exchangeId) {
            return "people of the round of " + exchangeId;
        }

        public Object rows(Object exchangeId) {
            return "finding rows of " + exchangeId;
        }
    }

    @BeforeEach
    void standIns() {
        // the called review is a stand-in: its own model is InteragencyReviewProcessTest's
        reviewStandIn = deployStage("interagency-review");
        delegate(calls, "reconcileLists", ex -> {
            reconciled.add(ex.getVariable("counterpartyListId"));
            boolean agreed = listsAgreed.pop();
            ex.setVariable("listsAgreed", agreed);
            if (agreed) {
                ex.setVariable("agreedSize", 3);
            }
        });
        delegate(calls, "requestVerification", ex -> ex.setVariables(Map.of("awaitingVerificationCount", awaiting.pop(),
                "verificationDeadline", "PT72H", "verificationRound", ++rounds)));
        delegate(calls, "recordVerificationResults", ex -> ex.setVariable("outstandingCount", outstanding.pop()));
        delegate(calls, "applyVerificationResults", Map.of("verifiedCount", 4, "failedCount", 1));
        delegate(calls, "proposeReplacements", ex -> {
            String[] outcome = replacement.pop().split(":", 2);
            ex.setVariable("replacementOutcome", outcome[0]);
            ex.setVariable("peopleToReview", outcome.length > 1 ? outcome[1] : "");
        });
        delegate(calls, "balanceLists", Map.of());
        // as RecordAgreedListsListener: the agreed size and who of our reserve was added, on the instance
        listener(calls, "recordAgreedLists", t -> {
            var instance = t.getExecution().getProcessInstance();
            instance.setVariable("agreedSize", 3);
            instance.setVariable("peopleToReview", addedAtAgreement.pop());
        });
        decisionListener(calls);
        // as RecordTasklistVerificationListener: how many are still open after the neutral party's rows
        listener(calls, "recordTasklistVerification", t -> t.getExecution().setVariable("outstandingCount",
                outstandingInTasklist.pop()));
        Mocks.register("agreementOptions", new Options());
        Mocks.register("verificationForm", new RoundForm());
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(reviewStandIn, true);
        Mocks.reset();
        assertThat(listsAgreed).as("every queued outcome was used").isEmpty();
        assertThat(addedAtAgreement).isEmpty();
        assertThat(awaiting).isEmpty();
        assertThat(outstanding).isEmpty();
        assertThat(outstandingInTasklist).isEmpty();
        assertThat(replacement).isEmpty();
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("neutral-verification", EXCHANGE_ID,
                Map.of("exchangeId", EXCHANGE_ID));
        assertThat(pi).isWaitingAt("Event_CounterpartyListsReceived");
        return pi;
    }

    /** The other side's lists arrive: as ReconciliationService.receive, with the id of the stored list. */
    private void counterpartyLists(long listId) {
        runtimeService().createMessageCorrelation("CounterpartyListsReceived").processInstanceBusinessKey(EXCHANGE_ID)
                .setVariable("counterpartyListId", listId).correlateWithResult();
    }

    /** The neutral party fetches and completes the external task with its results. */
    private void neutralPartyAnswers(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_VerifyPeople");
        assertThat(externalTask(pi)).hasTopicName("neutral-verification");
        complete(externalTask(pi), withVariables("verificationResults", "[]"));
    }

    /** "Agree final lists" is open for the Staff, its options drawn from the latest counterparty list. */
    private Task agreementOpen(ProcessInstance pi, long listId) {
        assertThat(pi).isWaitingAt("Task_AgreeFinalLists");
        Task t = task();
        assertThat(t).hasCandidateGroup("coordination-staff");
        Map<String, Object> inputs = runtimeService().getVariablesLocal(t.getExecutionId());
        assertThat(inputs).containsEntry("homeOptions", "BRING_HOME options of list " + listId)
                .containsEntry("releaseOptions", "RELEASE options of list " + listId)
                .containsEntry("agreedHome", "BRING_HOME preselected of list " + listId)
                .containsEntry("agreedRelease", "RELEASE preselected of list " + listId)
                .containsEntry("unknownToUs", "unknown to us in list " + listId)
                .containsEntry("art109HomeOptions", "art. 109 of ours in list " + listId);
        return t;
    }

    /**
     * The review of replacements is running (the stand-in of interagency-review) for this exchange with the
     * REPLACEMENTS scope and the people named; it clears them.
     */
    private void replacementsReviewed(ProcessInstance pi, String people) {
        assertThat(pi).isWaitingAt("CallActivity_ReviewReplacements");
        Task review = taskQuery().processDefinitionKey("interagency-review").singleResult();
        assertThat(review).as("a running review of the replacements").isNotNull();
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(EXCHANGE_ID);
        assertThat(runtimeService().getVariables(review.getProcessInstanceId())).containsEntry("exchangeId", EXCHANGE_ID)
                .containsEntry("reviewScope", "REPLACEMENTS").containsEntry("reviewPeople", people);
        complete(review, withVariables("reviewOutcome", "APPROVED"));
        assertThat(pi).hasPassed("CallActivity_ReviewReplacements").variables()
                .containsEntry("replacementReviewOutcome", "APPROVED");
    }

    @Test
    void matchingListsAreVerifiedInOneRoundByTheNeutralParty() {
        listsAgreed.push(true);
        awaiting.push(3);
        outstanding.push(0);
        replacement.push("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists(7L);
        assertThat(pi).isWaitingAt("Task_VerifyPeople", "Task_VerifyInTasklist");

        neutralPartyAnswers(pi);

        // the system brought every result: the round ends, the Tasklist task with it
        assertThat(pi).isEnded().hasPassed("EndEvent_AllInFromSystem", "EndEvent_VerificationCompleted")
                .hasNotPassed("Task_AgreeFinalLists", "CallActivity_ReviewReplacements", "EndEvent_AllInFromTasklist");
        assertThat(taskQuery().taskDefinitionKey("Task_VerifyInTasklist").count()).isZero();
        assertThat(pi).variables().containsEntry("verifiedCount", 4).containsEntry("failedCount", 1);
        assertThat(reconciled).containsExactly(7L);
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "requestVerification@Task_RequestVerification", "recordVerificationResults@Task_RecordResults",
                "applyVerificationResults@Task_ApplyVerificationResults", "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void theNeutralPartyAnswersTheRoundInTasklistAndTheExternalTaskCloses() {
        listsAgreed.push(true);
        awaiting.push(3);
        outstandingInTasklist.add(1);   // one person undecided: asked for again after a new interview
        outstandingInTasklist.add(0);
        replacement.push("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists(7L);

        assertThat(pi).isWaitingAt("Task_VerifyPeople", "Task_VerifyInTasklist");
        Task first = task();
        assertThat(first).hasCandidateGroup("neutral-party").hasName("Verify the people of round 1");
        assertThat(runtimeService().getVariablesLocal(first.getExecutionId()))
                .containsEntry("peopleToVerify", "people of the round of " + EXCHANGE_ID)
                .containsEntry("roundResults", "finding rows of " + EXCHANGE_ID);
        complete(first, withVariables("roundResults", "[]"));

        Task again = task();
        assertThat(again.getId()).isNotEqualTo(first.getId());
        assertThat(pi).isWaitingAt("Task_VerifyPeople", "Task_VerifyInTasklist").hasPassed("Gateway_AllResultsInTasklist");
        complete(again, withVariables("roundResults", "[]"));

        // every result in through Tasklist: the round ends once, the external task is gone with it
        assertThat(pi).isEnded().hasPassed("EndEvent_AllInFromTasklist", "EndEvent_VerificationCompleted")
                .hasNotPassed("Task_RecordResults", "EndEvent_AllInFromSystem", "Event_ResultsReceivedByApi");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService()
                .createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "requestVerification@Task_RequestVerification",
                "recordTasklistVerification@Task_VerifyInTasklist", "recordTasklistVerification@Task_VerifyInTasklist",
                "applyVerificationResults@Task_ApplyVerificationResults", "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void differencesAreAgreedByTheStaffBeforeVerification() {
        listsAgreed.push(false);
        addedAtAgreement.push("");   // nobody of our reserve added: straight on to verification
        awaiting.push(0);            // everybody agreed was verified before (nobody left in this round)
        replacement.push("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists(7L);

        complete(agreementOpen(pi, 7L), withVariables("agreedHome", "[]", "agreedRelease", "[]",
                "agreementComment", "as agreed with their delegation"));

        assertThat(pi).isEnded().hasPassed("Task_AgreeFinalLists", "Gateway_AddedFromReserve",
                "Task_RequestVerification", "Task_ApplyVerificationResults", "EndEvent_VerificationCompleted")
                .hasNotPassed("CallActivity_ReviewReplacements", "Task_VerifyPeople");
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "recordAgreedLists@Task_AgreeFinalLists", "requestVerification@Task_RequestVerification",
                "applyVerificationResults@Task_ApplyVerificationResults", "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void replacementsAreReviewedThenAgreedByTheOtherSideBeforeTheyAreVerified() {
        listsAgreed.push(true);
        awaiting.add(2);             // the first round
        awaiting.add(2);             // the two replacements
        outstanding.add(0);
        outstanding.add(1);          // the neutral party answers for one of the two replacements first
        outstanding.add(0);
        replacement.add("REPLACED:51,52");
        replacement.add("BALANCED");
        addedAtAgreement.push("");
        ProcessInstance pi = start();
        counterpartyLists(7L);
        neutralPartyAnswers(pi);

        // two failed, two proposed from the reserve: the agencies concerned review them first, nothing is
        // verified meanwhile
        replacementsReviewed(pi, "51,52");
        assertThat(calls.count("requestVerification")).isEqualTo(1);

        // then the other side agrees (here through the Staff's "Agree final lists")
        complete(agreementOpen(pi, 7L), withVariables("agreedHome", "[]", "agreedRelease", "[]",
                "agreementComment", "the other side accepts both replacements"));
        assertThat(calls.count("requestVerification")).isEqualTo(2);

        neutralPartyAnswers(pi);     // one result outstanding: the task is offered again
        neutralPartyAnswers(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationCompleted");
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "requestVerification@Task_RequestVerification", "recordVerificationResults@Task_RecordResults",
                "applyVerificationResults@Task_ApplyVerificationResults", "proposeReplacements@Task_ProposeReplacements",
                "recordAgreedLists@Task_AgreeFinalLists", "requestVerification@Task_RequestVerification",
                "recordVerificationResults@Task_RecordResults", "recordVerificationResults@Task_RecordResults",
                "applyVerificationResults@Task_ApplyVerificationResults", "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void amendedListsFromTheOtherSideAreReconciledInsteadOfTheStaffsAgreement() {
        listsAgreed.add(true);
        listsAgreed.add(true);       // their amended lists carry the replacements
        awaiting.add(0);
        awaiting.add(1);
        replacement.add("REPLACED:53");
        replacement.add("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists(7L);
        replacementsReviewed(pi, "53");
        agreementOpen(pi, 7L);

        // the other side answers with amended lists: the agreement is cancelled and the new lists reconciled
        counterpartyLists(8L);
        assertThat(pi).hasPassed("Event_AmendedListsReceived");
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_AgreeFinalLists").count()).isZero();
        assertThat(reconciled).containsExactly(7L, 8L);

        runtimeService().createMessageCorrelation("VerificationCompleted").processInstanceBusinessKey(EXCHANGE_ID)
                .correlate();

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationCompleted");
        assertThat(pi).variables().containsEntry("counterpartyListId", 8L);
        assertThat(calls.count("recordAgreedLists")).isZero();
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "requestVerification@Task_RequestVerification", "applyVerificationResults@Task_ApplyVerificationResults",
                "proposeReplacements@Task_ProposeReplacements", "reconcileLists@Task_ReconcileLists",
                "requestVerification@Task_RequestVerification", "applyVerificationResults@Task_ApplyVerificationResults",
                "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void ourReserveAddedAtTheAgreementIsReviewedAndAgreedBeforeVerification() {
        listsAgreed.push(false);
        addedAtAgreement.add("61"); // the other side named one of our reserve: never reviewed yet
        addedAtAgreement.add("");
        awaiting.push(0);
        replacement.push("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists(7L);

        complete(agreementOpen(pi, 7L), withVariables("agreedHome", "[]", "agreedRelease", "[]",
                "agreementComment", "they name one of our reserve"));
        assertThat(pi).hasPassed("Gateway_AddedFromReserve");
        replacementsReviewed(pi, "61");
        assertThat(calls.count("requestVerification")).isZero();

        complete(agreementOpen(pi, 7L), withVariables("agreedHome", "[]", "agreedRelease", "[]",
                "agreementComment", "reviewed, agreed"));

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationCompleted");
        assertThat(calls.list()).containsExactly("reconcileLists@Task_ReconcileLists",
                "recordAgreedLists@Task_AgreeFinalLists", "recordAgreedLists@Task_AgreeFinalLists",
                "requestVerification@Task_RequestVerification", "applyVerificationResults@Task_ApplyVerificationResults",
                "proposeReplacements@Task_ProposeReplacements");
    }

    @Test
    void resultsViaTheApiEndTheWaitAndAnExhaustedReserveMeansASmallerPhase() {
        listsAgreed.push(true);
        awaiting.push(2);
        replacement.push("RESERVE_EXHAUSTED");
        ProcessInstance pi = start();
        counterpartyLists(7L);

        runtimeService().createMessageCorrelation("VerificationCompleted").processInstanceBusinessKey(EXCHANGE_ID)
                .correlate();
        assertThat(pi).hasPassed("Event_ResultsReceivedByApi").isWaitingAt("Task_DecideShortfall");
        assertThat(taskQuery().taskDefinitionKey("Task_VerifyInTasklist").count()).as("closed with the round").isZero();
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task(), withVariables("shortfallDecision", "SMALLER_PHASE"));

        assertThat(pi).isEnded().hasPassed("Task_BalanceLists", "EndEvent_VerifiedSmaller")
                .hasNotPassed("CallActivity_ReviewReplacements");
        assertThat(calls.count("recordVerificationResults")).isZero();
        assertThat(calls.list()).endsWith("recordDecision@Task_DecideShortfall", "balanceLists@Task_BalanceLists");
    }

    @Test
    void aPassedDeadlineGoesToTheStaffWhoWaitsOrProceedsAndAShortfallCanWaitForNewLists() {
        listsAgreed.push(true);
        awaiting.push(2);
        replacement.push("RESERVE_EXHAUSTED");
        ProcessInstance pi = start();
        counterpartyLists(7L);

        fireTimer(pi, "Event_VerificationDeadline");
        assertThat(pi).isWaitingAt("Task_HandleLateVerification");
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task(), withVariables("lateDecision", "WAIT"));
        assertThat(pi).isWaitingAt("Task_VerifyPeople");   // a new round of waiting, with a new deadline

        fireTimer(pi, "Event_VerificationDeadline");
        complete(task(), withVariables("lateDecision", "PROCEED"));
        assertThat(pi).hasPassed("Task_ApplyVerificationResults").isWaitingAt("Task_DecideShortfall");

        complete(task(), withVariables("shortfallDecision", "WAIT"));
        assertThat(pi).isWaitingAt("Event_CounterpartyListsReceived");
        assertThat(calls.list()).filteredOn("recordDecision@Task_HandleLateVerification"::equals).hasSize(2);
        assertThat(calls.list()).filteredOn("recordDecision@Task_DecideShortfall"::equals).hasSize(1);
        assertThat(calls.count("recordVerificationResults")).isZero();
    }
}
