package org.powexchange.processes;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Helpers for the process tests: they run a model in the in-memory engine of {@code camunda.cfg.xml}
 * with every delegate, listener and expression bean replaced by a recording stand-in registered under
 * the bean name the model uses. Business rules are not run here (unit, decision-table and scenario
 * tests do that): a stand-in sets the variables the real step's contract promises.
 */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** What the stand-ins were called for, in order: "beanName" or "beanName@activityId". */
    public static final class Calls {
        private final List<String> calls = new ArrayList<>();

        public synchronized List<String> list() {
            return List.copyOf(calls);
        }

        synchronized void add(String call) {
            calls.add(call);
        }

        public synchronized long count(String beanName) {
            return calls.stream().filter(c -> c.equals(beanName) || c.startsWith(beanName + "@")).count();
        }
    }

    /** Registers a delegate that records its call and sets the given variables on the execution. */
    public static void delegate(Calls calls, String beanName, Map<String, Object> sets) {
        Mocks.register(beanName, (JavaDelegate) execution -> {
            calls.add(beanName + "@" + execution.getCurrentActivityId());
            execution.setVariables(sets);
        });
    }

    /** Registers a delegate whose variables are decided by the test at each call. */
    public static void delegate(Calls calls, String beanName, JavaDelegate behaviour) {
        Mocks.register(beanName, (JavaDelegate) execution -> {
            calls.add(beanName + "@" + execution.getCurrentActivityId());
            behaviour.execute(execution);
        });
    }

    /** Registers a task listener that records the task it was notified for. */
    public static void listener(Calls calls, String beanName) {
        Mocks.register(beanName, (TaskListener) task -> calls.add(beanName + "@" + task.getTaskDefinitionKey()));
    }

    /** Registers a task listener whose effect on the task's execution is decided by the test at each call. */
    public static void listener(Calls calls, String beanName, TaskListener behaviour) {
        Mocks.register(beanName, (TaskListener) task -> {
            calls.add(beanName + "@" + task.getTaskDefinitionKey());
            behaviour.notify(task);
        });
    }

    /** Executes every job waiting at {@code activityId} (e.g. the tokens arriving at an asynchronous join). */
    public static int runJobs(ProcessInstance pi, String activityId) {
        int n = 0;
        for (Job job = nextJob(pi, activityId); job != null; job = nextJob(pi, activityId)) {
            execute(job);
            n++;
        }
        return n;
    }

    private static Job nextJob(ProcessInstance pi, String activityId) {
        return jobQuery().processInstanceId(pi.getId()).activityId(activityId).listPage(0, 1).stream().findFirst()
                .orElse(null);
    }

    /**
     * Deploys a stand-in for a called process: it waits at one user task "Task_Stage" until the test
     * completes it with the variables the real stage would return. Answers the deployment id. Every element
     * has a fixed id: the coverage of a class counts distinct element ids against the model's size, so the
     * builder's random ids (new ones per deployment) would add up past the stand-in's five elements and
     * hide untaken flows of the model under test.
     */
    public static String deployStage(String processKey) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Stage").sequenceFlowId("Flow_ToStage").userTask("Task_Stage")
                .sequenceFlowId("Flow_StageDone").endEvent("EndEvent_Stage").done();
        return repositoryService().createDeployment().name("stand-in " + processKey)
                .addModelInstance(processKey + ".bpmn", model).deploy().getId();
    }

    /** Executes the one job of the instance (an asynchronous continuation or a due timer). */
    public static void runJob(ProcessInstance pi, String activityId) {
        Job job = jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("no job at " + activityId);
        }
        execute(job);
    }

    /** Executes the one timer job of the instance whose timer is attached to or is {@code activityId}. */
    public static void fireTimer(ProcessInstance pi, String activityId) {
        Job job = jobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("no timer at " + activityId);
        }
        execute(job);
    }
}
