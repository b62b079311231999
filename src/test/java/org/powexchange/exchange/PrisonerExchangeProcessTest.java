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
 * or by message, and one handover per planned phase. Every flow of the main model is taken (100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/prisoner-exchange.bpmn")
class PrisonerExchangeProcessTest {

    static final String[] STAGES = {"list-drafting", "interagency-review", "neutral-verification", "phase-handover"};
    static final String EXCHANGE_ID = "00000000-0000-0000-0000-000000000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys(STAGES).assertClassCoverageAtLeast(1.0).build();

    private final Calls calls = new Calls();
    private final List<String> stageDeployments = new ArrayList<>();

    @BeforeEach
    void standIns() {
        for (String stage : STAGES) {
            stageDeployments.add(deployStage(stage));
        }
        listener(calls, "recordRatification");
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

    /** Completes the running stand-in of {@code stage}, checking what the main flow passed in. */
    private Map<String, Object> stage(String stage, Map<String, Object> returns) {
        Task t = taskQuery().processDefinitionKey(stage).singleResult();
        assertThat(t).as("a running %s", stage).isNotNull();
        Map<String, Object> passedIn = runtimeService().getVariables(t.getProcessInstanceId());
        assertThat(passedIn).containsEntry(ExchangeProcess.VAR_EXCHANGE_ID, EXCHANGE_ID);
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(EXCHANGE_ID);
        complete(t, returns);
        return passedIn;
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

    private void phasesHandedOver(ProcessInstance pi) {
        assertThat(pi).hasPassed("Task_PlanPhases");
        for (int phase = 1; phase <= 3; phase++) {
            assertThat(pi).isWaitingAt("CallActivity_PhaseHandover");
            Object phaseNo = stage("phase-handover", Map.of()).get(ExchangeProcess.VAR_PHASE_NO);
            assertThat(((Number) phaseNo).intValue()).isEqualTo(phase);
        }
        assertThat(pi).isEnded().hasPassed("Task_CompileFinalReport", "Task_CompleteExchange",
                "EndEvent_ExchangeCompleted");
    }

    @Test
    void stagesInOrderRatificationByTaskAndOneHandoverPerPhase() {
        ProcessInstance pi = start();
        toRatification(pi);
        assertThat(pi).variables().containsEntry("verifiedCount", 5).containsEntry("failedCount", 0);

        complete(task(), withVariables(ExchangeProcess.VAR_RATIFICATION_DOC, "RAT-1",
                ExchangeProcess.VAR_RATIFICATION_SIGNED_AT, "2026-11-26T10:00:00Z"));

        phasesHandedOver(pi);
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

        assertThat(pi).hasPassed("Event_ExchangeRatified");
        assertThat(calls.count("recordRatification")).isZero();
        phasesHandedOver(pi);
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
