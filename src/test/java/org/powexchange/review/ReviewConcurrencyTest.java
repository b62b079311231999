package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The six reviews of many exchanges completed at the same moment from six threads, with the job
 * executor running the asynchronous join: no failed job, no incident, no lost review.
 */
@AlsoOnPostgres
class ReviewConcurrencyTest extends IntegrationTest {

    static final int EXCHANGES = 8;

    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sixAgenciesCompleteManyReviewsAtOnceWithTheJobExecutorOn() throws Exception {
        List<String> exchanges = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            String ex = d.createExchange("REVIEW-CONCURRENT-" + i, 1, List.of(1));
            exchanges.add(ex);
            reviews.add(runtime.startProcessInstanceByKey("interagency-review", ex, Map.of("exchangeId", ex)).getId());
            d.settle(ex); // opening the round (routing, the agencies' forms) is an asynchronous step
        }
        assertThat(tasks.createTaskQuery().processInstanceIdIn(reviews.toArray(String[]::new)).count())
                .isEqualTo(6L * EXCHANGES);

        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (!jobExecutor.getProcessEngines().contains(engine)) {
            jobExecutor.registerProcessEngine((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine);
        }
        AtomicInteger retries = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        jobExecutor.start();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CyclicBarrier together = new CyclicBarrier(6);
            List<Future<?>> done = new ArrayList<>();
            for (String agency : ExchangeDriver.REVIEW_TASKS.keySet()) {
                done.add(pool.submit(() -> {
                    for (String reviewId : reviews) {
                        try {
                            together.await(30, TimeUnit.SECONDS); // all six agencies of one exchange at once
                            completeWithRetry(agency, reviewId, retries);
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            assertThat(errors).isEmpty();
            // the job executor runs the joins; wait for every review to end
            long deadline = System.currentTimeMillis() + 180_000;
            while (runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(reviews)).count() > 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            pool.shutdownNow();
            jobExecutor.shutdown();
        }

        for (int i = 0; i < EXCHANGES; i++) {
            String pi = reviews.get(i);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getState())
                    .as("review " + i).isEqualTo("COMPLETED");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("reviewOutcome")
                    .singleResult().getValue()).isEqualTo("APPROVED");
            assertThat(history.createHistoricJobLogQuery().processInstanceId(pi).failureLog().count())
                    .as("failed jobs of review " + i).isZero();
            assertThat(history.createHistoricIncidentQuery().processInstanceId(pi).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
                    .activityId("Task_RecordReviewOutcome").count()).as("joined once").isEqualTo(1);
            // no lost review: one row per agency in the domain tables
            assertThat(jdbc.sql("select agency from agency_review where exchange_id = ?")
                    .param(java.util.UUID.fromString(exchanges.get(i))).query(String.class).list())
                    .containsExactlyInAnyOrderElementsOf(ExchangeDriver.REVIEW_TASKS.keySet());
        }
        assertThat(management.createJobQuery().processInstanceIds(java.util.Set.copyOf(reviews)).count()).isZero();
        for (String pi : reviews) {
            assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).as("incidents of " + pi).isZero();
        }
        System.out.printf("review concurrency: %d exchanges x 6 agencies, %d optimistic-locking retries%n",
                EXCHANGES, retries.get());
    }

    private void completeWithRetry(String agency, String reviewId, AtomicInteger retries) {
        String key = ExchangeDriver.REVIEW_TASKS.get(agency);
        String user = ExchangeDriver.userOf(agency);
        for (int attempt = 0; ; attempt++) {
            identity.setAuthentication(user, List.of(agency));
            try {
                Task t = tasks.createTaskQuery().processInstanceId(reviewId).taskDefinitionKey(key).singleResult();
                tasks.claim(t.getId(), user);
                tasks.complete(t.getId(), ExchangeDriver.review(List.of()));
                return;
            } catch (OptimisticLockingException e) {
                retries.incrementAndGet();
                if (attempt >= 5) {
                    throw e;
                }
            } finally {
                identity.clearAuthentication();
            }
        }
    }
}
