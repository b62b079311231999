package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.fireTimer;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * results arrive via /api, late results and an exhausted reserve go to the Staff. Each stand-in step
 * reports what the test queues up for it. Variable names are the model's, written out, so a change
 * of the model shows here first. Together the tests take every flow (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/neutral-verification.bpmn")
class NeutralVerificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";

    private final Calls calls = new Calls();
    private final Deque<Boolean> listsAgreed = new ArrayDeque<>();
    private final Deque<Integer> awaiting = new ArrayDeque<>();
    private final Deque<Integer> outstanding = new ArrayDeque<>();
    private final Deque<String> replacement = new ArrayDeque<>();

    /** Stand-in of the "agreementOptions" expression bean (what Agree final lists shows). */
    public static class Options {
        public Object options(Object exchangeId, Object listId, String side) {
            return null;
        }

        public Object preselected(Object exchangeId, Object listId, String side) {
            return null;
        }

        public Object unknownToUs(Object listId) {
            return null;
        }
    }

    @BeforeEach
    void standIns() {
        delegate(calls, "reconcileLists", ex -> ex.setVariables(Map.of("listsAgreed", listsAgreed.pop(),
                "counterpartyListId", 7L)));
        delegate(calls, "requestVerification", ex -> ex.setVariables(Map.of("awaitingVerificationCount", awaiting.pop(),
                "verificationDeadline", "PT72H")));
        delegate(calls, "recordVerificationResults", ex -> ex.setVariable("outstandingCount", outstanding.pop()));
        delegate(calls, "applyVerificationResults", Map.of("verifiedCount", 4, "failedCount", 1));
        delegate(calls, "proposeReplacements", ex -> ex.setVariable("replacementOutcome", replacement.pop()));
        delegate(calls, "balanceLists", Map.of());
        listener(calls, "recordAgreedLists");
        listener(calls, "recordLateVerificationDecision");
        listener(calls, "recordShortfallDecision");
        Mocks.register("agreementOptions", new Options());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        assertThat(listsAgreed).as("every queued outcome was used").isEmpty();
        assertThat(awaiting).isEmpty();
        assertThat(outstanding).isEmpty();
        assertThat(replacement).isEmpty();
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("neutral-verification", EXCHANGE_ID,
                Map.of("exchangeId", EXCHANGE_ID));
        assertThat(pi).isWaitingAt("Event_CounterpartyListsReceived");
        return pi;
    }

    private void counterpartyLists() {
        runtimeService().createMessageCorrelation("CounterpartyListsReceived").processInstanceBusinessKey(EXCHANGE_ID)
                .correlate();
    }

    /** The neutral party fetches and completes the external task with its results. */
    private void neutralPartyAnswers(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_VerifyPeople");
        assertThat(externalTask(pi)).hasTopicName("neutral-verification");
        complete(externalTask(pi), withVariables("verificationResults", "[]"));
    }

    @Test
    void matchingListsAreVerifiedInOneRoundByTheNeutralParty() {
        listsAgreed.push(true);
        awaiting.push(3);
        outstanding.push(0);
        replacement.push("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists();

        neutralPartyAnswers(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationCompleted").hasNotPassed("Task_AgreeFinalLists");
        assertThat(pi).variables().containsEntry("verifiedCount", 4).containsEntry("failedCount", 1);
    }

    @Test
    void differencesAreAgreedAndReplacementsVerifiedUntilAllResultsAreIn() {
        listsAgreed.push(false);
        awaiting.add(0);           // after agreeing: nobody left to verify in this round
        awaiting.add(2);           // the replacements
        outstanding.add(1);        // the neutral party answers for one of the two first
        outstanding.add(0);
        replacement.add("REPLACED");
        replacement.add("BALANCED");
        ProcessInstance pi = start();
        counterpartyLists();

        assertThat(pi).isWaitingAt("Task_AgreeFinalLists");
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task(), withVariables("agreedHome", "[]", "agreedRelease", "[]"));
        assertThat(pi).hasPassed("Task_ApplyVerificationResults", "Task_ProposeReplacements");

        neutralPartyAnswers(pi);   // one result outstanding: the task is offered again
        neutralPartyAnswers(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_VerificationCompleted");
        assertThat(calls.count("requestVerification")).isEqualTo(2);
        assertThat(calls.count("recordVerificationResults")).isEqualTo(2);
    }

    @Test
    void resultsViaTheApiEndTheWaitAndAnExhaustedReserveMeansASmallerPhase() {
        listsAgreed.push(true);
        awaiting.push(2);
        replacement.push("RESERVE_EXHAUSTED");
        ProcessInstance pi = start();
        counterpartyLists();

        runtimeService().createMessageCorrelation("VerificationCompleted").processInstanceBusinessKey(EXCHANGE_ID)
                .correlate();
        assertThat(pi).hasPassed("Event_ResultsReceivedByApi").isWaitingAt("Task_DecideShortfall");
        complete(task(), withVariables("shortfallDecision", "SMALLER_PHASE"));

        assertThat(pi).isEnded().hasPassed("Task_BalanceLists", "EndEvent_VerifiedSmaller");
        assertThat(calls.count("recordVerificationResults")).isZero();
    }

    @Test
    void aPassedDeadlineGoesToTheStaffWhoWaitsOrProceedsAndAShortfallCanWaitForNewLists() {
        listsAgreed.push(true);
        awaiting.push(2);
        replacement.push("RESERVE_EXHAUSTED");
        ProcessInstance pi = start();
        counterpartyLists();

        fireTimer(pi, "Event_VerificationDeadline");
        assertThat(pi).isWaitingAt("Task_HandleLateVerification");
        complete(task(), withVariables("lateDecision", "WAIT"));
        assertThat(pi).isWaitingAt("Task_VerifyPeople");   // a new round of waiting, with a new deadline

        fireTimer(pi, "Event_VerificationDeadline");
        complete(task(), withVariables("lateDecision", "PROCEED"));
        assertThat(pi).hasPassed("Task_ApplyVerificationResults").isWaitingAt("Task_DecideShortfall");

        complete(task(), withVariables("shortfallDecision", "WAIT"));
        assertThat(pi).isWaitingAt("Event_CounterpartyListsReceived");
        assertThat(calls.count("recordLateVerificationDecision")).isEqualTo(2);
        assertThat(calls.count("recordShortfallDecision")).isEqualTo(1);
    }
}
