package org.powexchange.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** The machine-speed reference: a bare engine in this JVM (in-memory H2, history full) runs trivial instances. */
final class InProcessEngineReference {

    private InProcessEngineReference() {
    }

    /** Seconds to start (and so run to the end) {@code n} instances of start → manual (pass-through) task → end, one transaction each. */
    static double run(int n) {
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setJdbcUrl("jdbc:h2:mem:bench-reference;DB_CLOSE_DELAY=-1");
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        cfg.setJobExecutorActivate(false);
        cfg.setProcessEngineName("bench-reference");
        ProcessEngine engine = cfg.buildProcessEngine();
        try {
            BpmnModelInstance model = Bpmn.createExecutableProcess("bench-trivial").camundaHistoryTimeToLive(1)
                    .startEvent("Event_Start").manualTask("Task_Nothing").endEvent("Event_End").done();
            engine.getRepositoryService().createDeployment().addModelInstance("bench-trivial.bpmn", model).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            for (int i = 0; i < 100; i++) { // warm-up
                runtime.startProcessInstanceByKey("bench-trivial", "w" + i);
            }
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                runtime.startProcessInstanceByKey("bench-trivial", "b" + i);
            }
            double s = (System.nanoTime() - t) / 1e9;
            long done = engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count();
            if (done != n + 100) {
                throw new AssertionError("expected " + (n + 100) + " completed instances, found " + done);
            }
            return s;
        } finally {
            engine.close();
        }
    }
}
