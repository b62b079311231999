package org.powexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.deployStage;
import static org.powexchange.processes.ProcessTestSupport.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * bpmn/prisoner-exchange.bpmn without Spring: the stages are stand-in processes under the same keys
 * (one task each, completed with what the real stage returns), so this test shows only the main flow's
 * contract: what each call activity passes in and takes back, the redraft loop, ratification by task
 * or by message, one handover per planned phase, and one follow-up per closed phase running beside the
 * later phases (started by the phase's "PhaseClosed", sent here as the real phase sends it). The
 * exchange completes only when every phase has crossed and every follow-up is done. Every flow of the
 * main model is taken (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/prisoner-exchange.bpmn")
class PrisonerExchangeProcessTest {

    static final String[] STAGES = {"list-drafting", "interagency-review", "neutral-verification", "phase-handover",
            "phase-follow-up"};
    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys(STAGES).assertClassCoverageAtLeast(1.0).build();

    private final Calls calls = new Calls();
    private final List<String> stageDeployments = new ArrayList<>();
    private final List<Object> agreedPhaseDatesSeen = new ArrayList<>();

    @BeforeEach
    void standIns() {
        for (String stage : STAGES) {
            stageDeployments.add(deployStage(stage));
        }
        listener(calls, "recordRatification",
                t -> agreedPhaseDatesSeen.add(t.getVariable(ExchangeProcess.VAR_AGREED_PHASE_DATES)));
        delegate(calls, "planPhases", Map.of(ExchangeProcess.VAR_PHASE_COUNT, 3));
        delegate(calls, "compileFinalReport", Map.of());
        delegate(calls, "completeExchange", Map.of());
    }

    @AfterEach
    void reset() {
        stageDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ExchangeProcess.PROCESS_KEY, EXCHANGE_ID,
                Map.of(ExchangeProcess.VAR_EXCHANGE_ID, EXCHANGE_ID));
    }

    /** The task of a stand-in's instance, checking that it runs for this exchange (id and business key). */
    private static Task checked(Task t) {
        assertThat(runtimeService().getVariable(t.getProcessInstanceId(), ExchangeProcess.VAR_EXCHANGE_ID))
                .isEqualTo(EXCHANGE_ID);
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(EXCHANGE_ID);
        return t;
    }

    /** The one running stand-in of {@code stage}. */
    private static Task running(String stage) {
        Task t = taskQuery().processDefinitionKey(stage).singleResult();
        assertThat(t).as("a running %s", stage).isNotNull();
        return checked(t);
    }

    /** Completes the running stand-in of {@code stage}, answering what the main flow passed in. */
    private Map<String, Object> stage(String stage, Map<String, Object> returns) {
        Task t = running(stage);
        Map<String, Object> passedIn = runtimeService().getVariables(t.getProcessInstanceId());
        complete(t, returns);
        return passedIn;
    }

    /** The running follow-ups by phase number, each checked for this exchange. */
    private static Map<Integer, Task> followUps() {
        Map<Integer, Task> out = new TreeMap<>();
        for (Task t : taskQuery().processDefinitionKey("phase-follow-up").list()) {
            Object phaseNo = runtimeService().getVariable(checked(t).getProcessInstanceId(), ExchangeProcess.VAR_PHASE_NO);
            out.put(((Number) phaseNo).intValue(), t);
        }
        return out;
    }

    private static Map<String, Object> passedIn(Task t) {
        return runtimeService().getVariables(t.getProcessInstanceId());
    }

    /**
     * Phase {@code phase} crosses: as the real phase-handover does in "Follow-up handed to the exchange"
     * (AnnouncePhaseClosedDelegate), it sends PhaseClosed to the exchange's instance with its number and
     * counts as local variables while it is still running, then ends.
     */
    private void phaseCrossed(ProcessInstance pi, int phase, int returned, int wounded, int refused) {
        assertThat(pi).isWaitingAt("CallActivity_PhaseHandover");
        Task t = running("phase-handover");
        assertThat(((Number) passedIn(t).get(ExchangeProcess.VAR_PHASE_NO)).intValue()).isEqualTo(phase);
        runtimeService().createMessageCorrelation("PhaseClosed").processInstanceId(pi.getId())
                .setVariablesLocal(Map.of(ExchangeProcess.VAR_PHASE_NO, phase, "returnedCount", returned,
                        "returnedWoundedCount", wounded, "refusedCount", refused))
                .correlateWithResult();
        complete(t);
    }

    private void toRatification(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("CallActivity_ListDrafting");
        stage("list-drafting", Map.of("bringHomeCount", 3, "releaseCount", 2));
        Map<String, Object> review = stage("interagency-review", Map.of("reviewOutcome", "APPROVED"));
        assertThat(review).containsEntry("bringHomeCount", 3).containsEntry("releaseCount", 2);
        stage("neutral-verification", Map.of("verifiedCount", 5, "failedCount", 0));
        assertThat(pi).isWaitingAt("Task_RecordRatification");
        assertThat(task()).hasCandidateGroup("coordination-staff");
    }

    @Test
    void stagesInOrderRatificationByTaskAndEachPhasesFollowUpBesideTheLaterPhases() {
        ProcessInstance pi = start();
        toRatification(pi);
        assertThat(pi).variables().containsEntry("verifiedCount", 5).containsEntry("failedCount", 0);

        complete(task(), withVariables(ExchangeProcess.VAR_RATIFICATION_DOC, "RAT-1",
                ExchangeProcess.VAR_RATIFICATION_SIGNED_AT, "2026-11-26T10:00:00Z",
                ExchangeProcess.VAR_AGREED_PHASE_DATES, "2026-11-28T10:00:00Z, 2026-11-30T10:00:00Z, 2026-12-02T10:00:00Z"));
        assertThat(agreedPhaseDatesSeen).as("the ratification's listener reads the agreed phase dates")
                .containsExactly("2026-11-28T10:00:00Z, 2026-11-30T10:00:00Z, 2026-12-02T10:00:00Z");
        assertThat(pi).hasPassed("Task_PlanPhases");

        // phase 1 crossed: its follow-up starts and phase 2 starts beside it, nothing waits for the families
        phaseCrossed(pi, 1, 3, 1, 0);
        assertThat(pi).isWaitingAt("CallActivity_PhaseHandover", "CallActivity_PhaseFollowUp");
        assertThat(passedIn(followUps().get(1))).containsEntry("returnedCount", 3)
                .containsEntry("returnedWoundedCount", 1).containsEntry("refusedCount", 0);

        // phase 2 crossed while phase 1's follow-up is still open: each follow-up has its own phase and counts
        phaseCrossed(pi, 2, 2, 0, 1);
        assertThat(followUps()).containsOnlyKeys(1, 2);
        assertThat(passedIn(followUps().get(2))).containsEntry("returnedCount", 2)
                .containsEntry("returnedWoundedCount", 0).containsEntry("refusedCount", 1);
        assertThat(passedIn(followUps().get(1))).containsEntry("returnedCount", 3);
        complete(followUps().get(1));

        phaseCrossed(pi, 3, 0, 0, 0);
        complete(followUps().get(3));

        // every phase crossed, phase 2's follow-up still open: the exchange waits for it
        assertThat(followUps()).containsOnlyKeys(2);
        assertThat(pi).hasPassed("EndEvent_AllPhasesCrossed").isWaitingAt("CallActivity_PhaseFollowUp")
                .hasNotPassed("Task_CompileFinalReport");
        complete(followUps().get(2));

        assertThat(pi).isEnded().hasPassed("EndEvent_PhaseFollowedUp", "Task_CompileFinalReport",
                "Task_CompleteExchange", "EndEvent_ExchangeCompleted");
        assertThat(calls.list()).containsExactly("recordRatification@Task_RecordRatification",
                "planPhases@Task_PlanPhases", "compileFinalReport@Task_CompileFinalReport",
                "completeExchange@Task_CompleteExchange");
    }

    @Test
    void ratificationThroughTheApiInterruptsTheTask() {
        ProcessInstance pi = start();
        toRatification(pi);

        runtimeService().createMessageCorrelation(ExchangeProcess.MSG_RATIFIED).processInstanceBusinessKey(EXCHANGE_ID)
                .correlate();

        assertThat(pi).hasPassed("Event_ExchangeRatified", "Task_PlanPhases");
        assertThat(calls.count("recordRatification")).isZero();
        // each phase followed up before the next crosses
        for (int phase = 1; phase <= 3; phase++) {
            phaseCrossed(pi, phase, 1, 0, 0);
            assertThat(followUps()).containsOnlyKeys(phase);
            complete(followUps().get(phase));
        }
        assertThat(pi).isEnded().hasPassed("Task_CompileFinalReport", "EndEvent_ExchangeCompleted");
    }

    @Test
    void listsRejectedInReviewAreDraftedAgain() {
        ProcessInstance pi = start();
        stage("list-drafting", Map.of("bringHomeCount", 3, "releaseCount", 2));
        stage("interagency-review", Map.of("reviewOutcome", "REJECTED"));

        assertThat(pi).isWaitingAt("CallActivity_ListDrafting").hasPassed("Gateway_Redraft");
        stage("list-drafting", Map.of("bringHomeCount", 2, "releaseCount", 2));
        stage("interagency-review", Map.of("reviewOutcome", "APPROVED"));
        assertThat(pi).isWaitingAt("CallActivity_NeutralVerification");
        assertThat(pi).variables().containsEntry("bringHomeCount", 2);
    }
}
