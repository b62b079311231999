package org.powexchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.powexchange.AlsoOnPostgres;

/**
 * Two application nodes on one PostgreSQL database, the job executor on in both (Camunda's
 * homogeneous cluster: shared database, deployment-aware off, same deployments). Many exchanges run
 * with short phase deadlines; requests and task completions alternate between the nodes. At the end
 * every job ran successfully exactly once, each timer fired once per phase, no incident and no job is
 * left, and the project's audit has no doubled record.
 */
@Tag(AlsoOnPostgres.TAG) // verify's PostgreSQL stage (failsafe, after packaging)
@Execution(ExecutionMode.CONCURRENT) // beside the PostgreSQL scenarios and the other *IT: it mostly waits
class ClusterIT {

    static final int EXCHANGES = Integer.getInteger("pow.it.cluster.exchanges", 12);
    static String db;
    static AppNode a;
    static AppNode b;

    @BeforeAll
    static void start() throws Exception {
        String why = Pg.unreachable();
        if (why != null) {
            System.err.println("SKIPPED ClusterIT: " + why);
        }
        assumeTrue(why == null, "SKIPPED (no PostgreSQL): " + why);
        db = Pg.createDatabase("powx_test");
        // phase 1: warning 2 s, deadline 5 s after ratification; phase 2 due 3 s later (its timers are due when it starts)
        String[] timers = {"--powexchange.first-phase-due=PT5S", "--powexchange.phase-interval=PT3S",
                "--powexchange.deadline-warning=PT2S"};
        // the first node creates the schema; the second joins the running database
        a = new AppNode("cluster-node-a", AppNode.FIRST_PORT, db, timers).start();
        a.awaitUp(Duration.ofMinutes(3));
        b = new AppNode("cluster-node-b", AppNode.FIRST_PORT + 1, db, timers).start();
        b.awaitUp(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (db != null) {
            Pg.dropDatabase(db);
        }
    }

    @Test
    void twoNodesRunManyExchangesWithEveryJobAndTimerExactlyOnce() throws Exception {
        // every exchange at once: the most contention for the jobs and timers of both nodes, and the timers'
        // waits overlap instead of adding up
        ExecutorService pool = Executors.newFixedThreadPool(EXCHANGES);
        List<Future<String>> runs = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        for (int i = 0; i < EXCHANGES; i++) {
            int n = i;
            runs.add(pool.submit(() -> oneExchange("CLUSTER-" + run + "-" + n, n % 2 == 0 ? a : b, n % 2 == 0 ? b : a)));
        }
        List<String> exchanges = new ArrayList<>();
        for (Future<String> f : runs) {
            exchanges.add(f.get());
        }
        pool.shutdown();

        try (Connection c = Pg.connect(db)) {
            List<String> pis = strings(c, "select id_ from act_hi_procinst where business_key_ in (" + in(exchanges) + ")");
            // no incident, no job left behind (every exchange is complete)
            assertThat(count(c, "select count(*) from act_ru_incident")).isZero();
            assertThat(count(c, "select count(*) from act_ru_job where process_instance_id_ is not null")).isZero();
            assertThat(count(c, "select count(*) from act_hi_incident")).isZero();
            // every job that was created succeeded exactly once
            String ours = "process_instance_id_ in (" + in(pis) + ")";
            long created = count(c, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 0 and " + ours);
            long succeededTwice = count(c, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and "
                    + ours + " group by job_id_ having count(*) > 1) d");
            long succeeded = count(c, "select count(*) from act_hi_job_log where job_state_ = 2 and " + ours);
            long failed = count(c, "select count(*) from act_hi_job_log where job_state_ = 1 and " + ours);
            // timers cancelled with their scope (review reminder and overdue, verification deadline) are deleted
            long deleted = count(c, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 3 and " + ours);
            long deletedNonTimers = count(c, "select count(distinct job_id_) from act_hi_job_log where job_state_ = 3 and "
                    + "job_def_type_ not like 'timer%' and " + ours);
            long deletedAfterSuccess = count(c, "select count(distinct d.job_id_) from act_hi_job_log d join act_hi_job_log s "
                    + "on s.job_id_ = d.job_id_ and s.job_state_ = 2 where d.job_state_ = 3 and d." + ours);
            assertThat(succeededTwice).isZero();
            assertThat(deletedNonTimers).as("only cancelled timers are deleted").isZero();
            assertThat(deletedAfterSuccess).isZero();
            assertThat(succeeded + deleted).as("every job either succeeded once or was a cancelled timer").isEqualTo(created);
            // each phase's warning and deadline timers fired once: one warning and one breach decision per phase,
            // two phases per exchange
            assertThat(count(c, "select count(*) from act_hi_actinst where act_id_ = 'Task_WarnStaff' and proc_inst_id_ in ("
                    + in(pis) + ")")).isEqualTo(2L * EXCHANGES);
            assertThat(count(c, "select count(*) from act_hi_actinst where act_id_ = 'Task_HandleDeadlineBreach' and proc_inst_id_ in ("
                    + in(pis) + ")")).isEqualTo(2L * EXCHANGES);
            assertThat(count(c, "select count(*) from act_hi_actinst where act_id_ = 'Task_CompleteExchange' and proc_inst_id_ in ("
                    + in(pis) + ")")).isEqualTo(EXCHANGES);
            // the project's records: nothing doubled, every exchange completed once
            String exIds = "exchange_id in (select id from exchange where agreement_ref like 'CLUSTER-" + run + "-%')";
            assertThat(count(c, "select count(*) from (select exchange_id, action, subject from audit_event where " + exIds
                    + " group by exchange_id, action, subject having count(*) > 1) d")).isZero();
            assertThat(count(c, "select count(*) from audit_event where action = 'EXCHANGE_COMPLETED' and " + exIds))
                    .isEqualTo(EXCHANGES);
            Map<String, Long> byNode = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select hostname_, job_def_type_, count(*) from act_hi_job_log where job_state_ = 2 and " + ours
                            + " group by hostname_, job_def_type_ order by 1, 2")) {
                while (r.next()) {
                    byNode.put(r.getString(1) + "/" + r.getString(2), r.getLong(3));
                }
            }
            System.out.printf("CLUSTER: %d exchanges on 2 nodes; %d jobs created, %d succeeded (none twice), "
                    + "%d cancelled timers, %d failed attempts retried; successful jobs by node/type: %s%n",
                    EXCHANGES, created, succeeded, deleted, failed, byNode);
            assertThat(byNode.keySet()).as("both nodes executed jobs")
                    .anyMatch(k -> k.startsWith("cluster-node-a")).anyMatch(k -> k.startsWith("cluster-node-b"));
        }
    }

    /** One exchange, every step on alternate nodes; each wait checked from the other node. */
    private String oneExchange(String ref, AppNode x, AppNode y) {
        String ex = Rest.createExchange(x.base(), ref, List.of(1, 1));
        Rest.submitCandidates(y.base(), ex, 2);
        Rest.complete(x.base(), "coordination-staff", ex, "Task_ConfirmLists", Map.of("listsDecision", "CONFIRM"));
        assertThat(Rest.stage(y.base(), ex)).isEqualTo("REVIEW");
        int i = 0;
        for (Map.Entry<String, String> r : Rest.REVIEW_TASKS.entrySet()) {
            Rest.approve((i++ % 2 == 0 ? x : y).base(), r.getKey(), ex, r.getValue());
        }
        // the join of the reviews is an async continuation: a job run by either node's job executor
        Rest.await(ex + " in verification", Duration.ofSeconds(90), () -> "VERIFICATION".equals(Rest.stage(x.base(), ex)));
        Rest.counterpartyListsMatchingOurs(x.base(), ex);
        Rest.verifyAll(y.base(), ex);
        assertThat(Rest.stage(x.base(), ex)).isEqualTo("AWAITING_RATIFICATION");
        assertThat(Rest.openTasks(y.base(), "coordination-staff", ex, "Task_RecordRatification")).hasSize(1);
        Rest.ratify(x.base(), ex, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        for (int phase = 1; phase <= 2; phase++) {
            AppNode p = phase == 1 ? y : x;
            AppNode q = phase == 1 ? x : y;
            // the phase's warning and then its deadline timer fire on whichever node acquires them; the test
            // waits for the breach decision first, so no user step races a timer in the same phase
            Rest.await(ex + " phase " + phase + " breach", Duration.ofSeconds(90),
                    () -> Rest.openTasks(p.base(), "coordination-staff", ex, "Task_HandleDeadlineBreach").size() == 1);
            Rest.complete(p.base(), "coordination-staff", ex, "Task_HandleDeadlineBreach",
                    Map.of("breachDecision", "CONTINUE", "breachComment", "cluster test"));
            Rest.readyAndGo(q.base(), ex);
            Rest.confirmPhase(p.base(), ex, phase);
            Rest.afterPhase(q.base(), ex);
        }
        Rest.await(ex + " completed", Duration.ofSeconds(60), () -> "COMPLETED".equals(Rest.stage(y.base(), ex)));
        return ex;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    static String in(List<String> values) {
        return values.isEmpty() ? "''" : String.join(",", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    }
}
