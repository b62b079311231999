package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Phase 1's clock survives a restart of the engine: a fresh engine (nothing in memory, same database,
 * same beans) is built while the deadline timers wait, closed and built again, and the timers still
 * fire with nothing lost. The shared engine of the other tests is left running untouched.
 */
class EngineRestartTest extends HandoverTestSupport {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationContext context;

    @Test
    void phaseOnesDeadlineTimerFiresAfterARestart() {
        String ex = toRatification("HANDOVER-RESTART-1", List.of(1), List.of(home(1, false), release(1, false)));
        OffsetDateTime signed = ratifyViaApi(ex);
        ProcessInstance phase = phaseInstance(ex);
        Job waiting = management.createJobQuery().processInstanceId(phase.getId()).timers().singleResult();
        assertThat(waiting.getDuedate().toInstant()).isEqualTo(signed.plusHours(36).toInstant());

        ProcessEngine first = restartedEngine("restart-1");
        try {
            Job warning = first.getManagementService().createJobQuery().processInstanceId(phase.getId()).timers()
                    .singleResult();
            assertThat(warning.getId()).isEqualTo(waiting.getId());
            first.getManagementService().executeJob(warning.getId());
        } finally {
            first.close();
        }

        ProcessEngine second = restartedEngine("restart-2");
        try {
            Job breach = second.getManagementService().createJobQuery().processInstanceId(phase.getId()).timers()
                    .singleResult();
            assertThat(breach.getDuedate().toInstant()).isEqualTo(signed.plusHours(48).toInstant());
            second.getManagementService().executeJob(breach.getId());
            assertThat(second.getRuntimeService().getActiveActivityIds(phase.getId()))
                    .containsExactlyInAnyOrder("Task_HandleDeadlineBreach", "Task_AcknowledgeWarning",
                            "Task_LogisticsInterior", "Task_LogisticsDefence");
        } finally {
            second.close();
        }

        // nothing lost: the alerts, the phase's people and its tasks are all there; the phase completes
        assertThat(phase(ex, 1)).containsEntry("status", "OVERDUE");
        assertThat(scheduled(ex, 1, "BRING_HOME")).hasSize(1);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(a -> a.get("action"))
                .contains("DEADLINE_WARNING", "DEADLINE_BREACHED");
        d.complete("coordination-staff", d.task(ex, "Task_HandleDeadlineBreach"),
                Map.of("breachDecision", "CONTINUE", "breachComment", "after the restart"));
        d.readyAndGo(ex);
        d.crossing(ex, 1, scheduled(ex, 1, "BRING_HOME"), scheduled(ex, 1, "RELEASE"));
        d.afterPhase(ex);
        assertThat(main(ex)).isNull();
        assertThat(person(ex, "H-1")).containsEntry("status", "REPATRIATED");
    }

    /** A new engine on the same database and beans, as the application builds it on start-up. */
    private ProcessEngine restartedEngine(String name) {
        SpringProcessEngineConfiguration c = new SpringProcessEngineConfiguration();
        c.setProcessEngineName(name);
        c.setDataSource(dataSource);
        c.setTransactionManager(transactionManager);
        c.setApplicationContext(context);
        c.setExpressionManager(new SpringExpressionManager(context, null));
        c.setDatabaseSchemaUpdate("false");
        c.setJobExecutorActivate(false);
        c.setHistory("full");
        c.setAuthorizationEnabled(true);
        c.setIdGenerator(new StrongUuidGenerator());
        c.setDefaultSerializationFormat("application/json");
        c.setJavaSerializationFormatEnabled(false);
        c.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        return c.buildProcessEngine();
    }
}
