package org.powexchange;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.powexchange.it.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every test that needs the application: one Spring context (in-memory H2, job executor off,
 * real HTTP port) shared by the whole suite so it stays fast on two cores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected TestRestTemplate http;
    @LocalServerPort
    protected int port;
    @Autowired
    protected org.camunda.bpm.engine.IdentityService identity;

    /** The scenario driver as the officials and the neutral party, fresh for each test. */
    protected ExchangeDriver d;

    @Autowired
    private JdbcClient sql;

    @BeforeEach
    void initAssertions(TestInfo test) {
        BpmnAwareTests.init(engine);
        d = new ExchangeDriver(http, tasks, identity);
        if (PostgresTestDatabase.logsStatements()) {
            // a marker in the server's statement log: the statements after it are this test's
            sql.sql("select 'pow-test " + getClass().getSimpleName() + "." + test.getTestMethod().map(m -> m.getName())
                    .orElse("?") + "'").query(String.class).single();
        }
    }

    /** The job executor is off in tests: run due async continuations of the exchange until none is left. */
    protected void runJobs(String businessKey) {
        ExchangeDriver.runDueJobs(businessKey, j -> true);
    }

    /** The running instance of process {@code processKey} for the exchange, or null. */
    protected org.camunda.bpm.engine.runtime.ProcessInstance instanceOf(String exchangeId, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(exchangeId)
                .processDefinitionKey(processKey).singleResult();
    }

    protected TestRestTemplate as(String user, String password) {
        return http.withBasicAuth(user, password);
    }
}
