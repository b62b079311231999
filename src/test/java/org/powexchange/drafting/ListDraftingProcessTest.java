package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.powexchange.processes.ProcessTestSupport.delegate;
import static org.powexchange.processes.ProcessTestSupport.listener;
import static org.powexchange.processes.ProcessTestSupport.runJob;

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
 * bpmn/list-drafting.bpmn without Spring: sources arrive, are cross-referenced (a job), possible
 * duplicates go to the drafter or not, the lists are compiled (a job) and confirmed or sent back for
 * more sources. Together the tests take every flow of the model (coverage asserted at 100 %).
 */
@UnitTest
@Deployment(resources = "bpmn/list-drafting.bpmn")
class ListDraftingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final Calls calls = new Calls();
    /** possibleDuplicateCount the cross-referencing step reports at each call */
    private final Deque<Integer> duplicates = new ArrayDeque<>();
    /** pairs still open after each page the drafter decides */
    private final Deque<Integer> pairsLeft = new ArrayDeque<>();

    /** Expression bean stand-ins: the model reads what the forms show through them. */
    public static class Overview {
        public Object pairs(Object exchangeId) {
            return null;
        }

        public Object pageIds(Object exchangeId) {
            return "page";
        }

        public Object summary(Object exchangeId) {
            return "summary";
        }

        public Object categories(Object exchangeId) {
            return "categories";
        }

        public Object flagged(Object exchangeId) {
            return "flagged";
        }

        public Object uncertain(Object exchangeId) {
            return "uncertain";
        }

        public Object proposed(Object exchangeId, String side) {
            return "proposed " + side;
        }
    }

    @BeforeEach
    void standIns() {
        delegate(calls, "crossReferenceSources", execution -> execution.setVariable(
                DraftingProcess.POSSIBLE_DUPLICATE_COUNT, duplicates.isEmpty() ? 0 : duplicates.pop()));
        delegate(calls, "compileLists", Map.of(DraftingProcess.BRING_HOME_COUNT, 3, DraftingProcess.RELEASE_COUNT, 2));
        listener(calls, "recordDuplicateDecisions", task -> task.getExecution().setVariable(
                DraftingProcess.POSSIBLE_DUPLICATE_COUNT, pairsLeft.isEmpty() ? 0 : pairsLeft.pop()));
        listener(calls, "recordListsDecision");
        Mocks.register("duplicateOptions", new Overview());
        Mocks.register("listTables", new Overview());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("list-drafting", "EX-1",
                Map.of("exchangeId", "00000000-0000-0000-0000-000000000001"));
        assertThat(pi).isWaitingAt("Event_CandidatesSubmitted");
        return pi;
    }

    private void sourcesSubmitted(ProcessInstance pi) {
        runtimeService().createMessageCorrelation("CandidatesSubmitted").processInstanceBusinessKey("EX-1").correlate();
        // cross-referencing is a job: the caller's request does not wait for it
        assertThat(pi).isWaitingAt("Task_CrossReference");
        runJob(pi, "Task_CrossReference");
    }

    private void compiled(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_CompileLists");
        runJob(pi, "Task_CompileLists");
        assertThat(pi).isWaitingAt("Task_ConfirmLists");
        assertThat(task()).hasCandidateGroup("coordination-staff");
    }

    @Test
    void noPossibleDuplicatesGoStraightToCompilingAndTheDrafterConfirms() {
        ProcessInstance pi = start();
        sourcesSubmitted(pi);
        compiled(pi);
        // what the form shows comes from the expression beans, as task inputs
        assertThat(taskService().getVariable(task().getId(), "categoryRows")).isEqualTo("categories");
        assertThat(taskService().getVariable(task().getId(), "releaseRows")).isEqualTo("proposed RELEASE");

        complete(task(), withVariables(DraftingProcess.LISTS_DECISION, "CONFIRM"));

        assertThat(pi).hasPassed("Gateway_PossibleDuplicates").hasNotPassed("Task_ResolveDuplicates")
                .isEnded().hasPassed("EndEvent_ListsConfirmed");
        assertThat(pi).variables().containsEntry(DraftingProcess.BRING_HOME_COUNT, 3)
                .containsEntry(DraftingProcess.RELEASE_COUNT, 2);
        assertThat(calls.list()).containsExactly("crossReferenceSources@Task_CrossReference",
                "compileLists@Task_CompileLists", "recordListsDecision@Task_ConfirmLists");
    }

    @Test
    void possibleDuplicatesGoToTheDrafterBeforeCompiling() {
        duplicates.push(2);
        ProcessInstance pi = start();
        sourcesSubmitted(pi);

        assertThat(pi).isWaitingAt("Task_ResolveDuplicates");
        assertThat(task()).hasCandidateGroup("coordination-staff");
        complete(task());

        compiled(pi);
        complete(task(), withVariables(DraftingProcess.LISTS_DECISION, "CONFIRM"));
        assertThat(pi).hasPassed("Task_ResolveDuplicates", "Gateway_DuplicatesSettled").isEnded();
        assertThat(calls.count("recordDuplicateDecisions")).isEqualTo(1);
    }

    @Test
    void manyPairsComeBackPageByPageUntilNoneIsLeft() {
        duplicates.push(120);
        pairsLeft.add(70);
        pairsLeft.add(20);
        ProcessInstance pi = start();
        sourcesSubmitted(pi);

        for (int page = 1; page <= 3; page++) {
            assertThat(pi).isWaitingAt("Task_ResolveDuplicates");
            assertThat(taskService().getVariable(task().getId(), "duplicatePageIds")).isEqualTo("page");
            complete(task());
        }
        compiled(pi);
        complete(task(), withVariables(DraftingProcess.LISTS_DECISION, "CONFIRM"));
        assertThat(pi).isEnded();
        assertThat(calls.count("recordDuplicateDecisions")).isEqualTo(3);
        assertThat(calls.count("compileLists")).isEqualTo(1);
    }

    @Test
    void listsSentBackWaitForMoreSourcesAndAreCompiledAgain() {
        ProcessInstance pi = start();
        sourcesSubmitted(pi);
        compiled(pi);

        complete(task(), withVariables(DraftingProcess.LISTS_DECISION, "SEND_BACK",
                DraftingProcess.DRAFTING_COMMENT, "a family appeal is missing"));
        assertThat(pi).isWaitingAt("Event_CandidatesSubmitted").hasPassed("Gateway_AwaitCandidates");

        sourcesSubmitted(pi);
        compiled(pi);
        complete(task(), withVariables(DraftingProcess.LISTS_DECISION, "CONFIRM"));
        assertThat(pi).isEnded();
        assertThat(calls.count("crossReferenceSources")).isEqualTo(2);
        assertThat(calls.count("compileLists")).isEqualTo(2);
    }
}
