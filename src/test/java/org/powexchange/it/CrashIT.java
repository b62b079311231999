package org.powexchange.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.powexchange.AlsoOnPostgres;

/**
 * Crash safety: the application process is killed (SIGKILL) at each wait state of an exchange:
 * drafting, review (half the agencies done), verification (the other side's lists in, results awaited),
 * waiting for ratification, the phase 1 deadline timer pending, and mid-handover (phase 1 done, phase 2
 * ready and given go, its crossing not yet confirmed). After each kill a fresh process starts on the same
 * PostgreSQL database; the exchange continues where it was, the timer fires when due (not before), and no
 * record or decision is lost or doubled. The six kills are taken by two exchanges on two databases side by
 * side (the first three by one, the last three by the other): each kill waits for a fresh process to start,
 * and one line of seven start-ups left a core idle for minutes.
 */
@Tag(AlsoOnPostgres.TAG) // verify's PostgreSQL stage (failsafe, after packaging)
@Execution(ExecutionMode.CONCURRENT) // beside the PostgreSQL scenarios and the other *IT, and its two tests side by side
class CrashIT {

    // ClusterIT's nodes take the first two ports: the classes run side by side
    static final int PORT = AppNode.FIRST_PORT + 2;
    /**
     * Phase 1 due 20 s after the signature, its 36-hour warning moved to the same instant (one timer pending):
     * longer than a restart of the node on a quiet machine (about 12 s), so the restarted node finds it pending.
     */
    // a job the killed node had taken (e.g. cross-referencing, right after the import) stays locked to it
    // until the lock expires (5 min by default); 10 s here so the restarted node takes it over soon (a job of the
    // test's exchange takes well under a second)
    static final String[] ARGS = {"--powexchange.first-phase-due=PT20S", "--powexchange.phase-interval=PT1H",
            "--powexchange.deadline-warning=PT20S", "--camunda.bpm.job-execution.lock-time-in-millis=10000"};

    /** One database and the line of processes on it: each kill is followed by a fresh process on the same database. */
    static final class Lineage implements AutoCloseable {
        final String name;
        final int port;
        final String db;
        AppNode node;
        int kills;
        final List<String> survived = new ArrayList<>();
        long lap = System.nanoTime();

        Lineage(String name, int port) throws Exception {
            this.name = name;
            this.port = port;
            this.db = Pg.createDatabase("powx_test");
            node = new AppNode(name + "-0", port, db, ARGS).start().awaitUp(Duration.ofMinutes(3));
            lap("first start");
        }

        String base() {
            return node.base();
        }

        /** SIGKILL the node and start a new process on the same database. */
        String crashAndRestart(String waitState) throws Exception {
            lap("before the kill at " + waitState);
            node.kill();
            kills++;
            node = new AppNode(name + "-" + kills, port, db, ARGS).start().awaitUp(Duration.ofMinutes(3));
            survived.add(waitState);
            lap("kill and restart at " + waitState);
            return node.base();
        }

        /** Where the time goes (printed, for the suite's timings in docs/testing.md). */
        void lap(String what) {
            long now = System.nanoTime();
            System.out.printf("CRASH timing (%s): %s %d ms%n", name, what, (now - lap) / 1_000_000);
            lap = now;
        }

        @Override
        public void close() throws Exception {
            if (node != null) {
                node.close();
            }
            Pg.dropDatabase(db);
        }
    }

    @BeforeAll
    static void requirePostgres() {
        String why = Pg.unreachable();
        if (why != null) {
            System.err.println("SKIPPED CrashIT: " + why);
        }
        assumeTrue(why == null, "SKIPPED (no PostgreSQL): " + why);
    }

    static String newExchange(String base) throws Exception {
        String ex = Rest.createExchange(base, "CRASH-" + Long.toString(System.nanoTime(), 36).toUpperCase(), List.of(1, 1));
        Rest.submitCandidates(base, ex, 2);
        assertThat(Rest.stage(base, ex)).isEqualTo("DRAFTING");
        return ex;
    }

    /** The six agencies and their review tasks, in the order the tests review. */
    static final List<Map.Entry<String, String>> REVIEWS = new ArrayList<>(Rest.REVIEW_TASKS.entrySet());

    @Test
    void anExchangeSurvivesKillsWhileDraftingReviewingAndVerifying() throws Exception {
        try (Lineage line = new Lineage("crash-node", PORT)) {
            String base = line.base();
            String ex = newExchange(base);

            // 1. drafting
            base = line.crashAndRestart("drafting");
            assertThat(Rest.stage(base, ex)).isEqualTo("DRAFTING");
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people", null)).hasSize(4);
            Rest.complete(base, "coordination-staff", ex, "Task_ConfirmLists", Map.of("listsDecision", "CONFIRM"));

            // 2. review, three agencies done, three pending
            for (Map.Entry<String, String> r : REVIEWS.subList(0, 3)) {
                Rest.approve(base, r.getKey(), ex, r.getValue());
            }
            base = line.crashAndRestart("review");
            assertThat(Rest.stage(base, ex)).isEqualTo("REVIEW");
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/reviews", null)).hasSize(3);
            for (Map.Entry<String, String> r : REVIEWS.subList(0, 3)) {
                assertThat(Rest.openTasks(base, r.getKey(), ex, r.getValue())).as("no repeated review " + r.getValue()).isEmpty();
            }
            for (Map.Entry<String, String> r : REVIEWS.subList(3, 6)) {
                Rest.approve(base, r.getKey(), ex, r.getValue());
            }
            String b1 = base;
            Rest.await("verification", Duration.ofSeconds(120), () -> "VERIFICATION".equals(Rest.stage(b1, ex)));

            // 3. verification: the other side's lists reconciled, the neutral party's results awaited
            Rest.counterpartyListsMatchingOurs(base, ex);
            base = line.crashAndRestart("verification");
            assertThat(Rest.stage(base, ex)).isEqualTo("VERIFICATION");
            assertThat(Rest.ok(base, "neutral-party", "GET", "/api/exchanges/" + ex + "/verification-requests", null)).hasSize(4);
            Rest.verifyAll(base, ex);
            assertThat(Rest.stage(base, ex)).isEqualTo("AWAITING_RATIFICATION");
            line.lap("verified");

            // nothing lost or doubled up to here
            List<String> actions = actions(base, ex);
            assertThat(actions).doesNotHaveDuplicates();
            assertThat(actions.stream().map(s -> s.substring(0, s.indexOf('|')))).contains("EXCHANGE_CREATED",
                    "CANDIDATES_SUBMITTED", "LISTS_COMPILED", "COUNTERPARTY_LISTS_RECEIVED", "VERIFICATION_RESULTS");
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/reviews", null)).hasSize(6);
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people", null)).hasSize(4);
            assertThat(Rest.openTasks(base, "coordination-staff", ex, "Task_RecordRatification")).hasSize(1);
            try (Connection c = Pg.connect(line.db)) {
                assertThat(ClusterIT.count(c, "select count(*) from act_ru_incident")).isZero();
            }
            System.out.printf("CRASH: %d SIGKILLs survived at %s; exchange %s awaiting ratification, audit %d records, "
                    + "none doubled%n", line.kills, line.survived, ex, actions.size());
            assertThat(line.survived).hasSize(3);
        }
    }

    @Test
    void anExchangeSurvivesKillsFromRatificationToTheLastHandover() throws Exception {
        try (Lineage line = new Lineage("crash-node-h", PORT + 1)) {
            String base = line.base();
            String ex = newExchange(base);
            // to the ratification without kills (the other test kills on the way there)
            Rest.complete(base, "coordination-staff", ex, "Task_ConfirmLists", Map.of("listsDecision", "CONFIRM"));
            for (Map.Entry<String, String> r : REVIEWS) {
                Rest.approve(base, r.getKey(), ex, r.getValue());
            }
            String b0 = base;
            Rest.await("verification", Duration.ofSeconds(120), () -> "VERIFICATION".equals(Rest.stage(b0, ex)));
            Rest.counterpartyListsMatchingOurs(base, ex);
            Rest.verifyAll(base, ex);
            assertThat(Rest.stage(base, ex)).isEqualTo("AWAITING_RATIFICATION");

            // 4. waiting for ratification (the Staff's task open, or the ratification through /api)
            base = line.crashAndRestart("awaiting ratification");
            assertThat(Rest.stage(base, ex)).isEqualTo("AWAITING_RATIFICATION");
            assertThat(Rest.openTasks(base, "coordination-staff", ex, "Task_RecordRatification")).hasSize(1);
            OffsetDateTime signed = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            Rest.ratify(base, ex, signed.toString());
            assertThat(Rest.stage(base, ex)).isEqualTo("HANDOVER");

            // 5. the phase 1 deadline timer pending (due 20 s after signature)
            Timestamp due;
            try (Connection c = Pg.connect(line.db)) {
                due = timerDue(c, ex);
            }
            assertThat(due.toInstant()).isEqualTo(signed.plusSeconds(20).toInstant());
            base = line.crashAndRestart("phase 1 timer pending");
            assertThat(Rest.stage(base, ex)).isEqualTo("HANDOVER");
            String b2 = base;
            Rest.await("phase 1 deadline fired", Duration.ofSeconds(120),
                    () -> Rest.openTasks(b2, "coordination-staff", ex, "Task_HandleDeadlineBreach").size() == 1);
            try (Connection c = Pg.connect(line.db)) {
                Timestamp fired = single(c, "select min(a.start_time_) from act_hi_actinst a join act_hi_procinst p on a.proc_inst_id_ = p.id_ "
                        + "where p.business_key_ = '" + ex + "' and a.act_id_ = 'Task_HandleDeadlineBreach'");
                assertThat(fired.toInstant()).as("timer fired when due, not before").isAfterOrEqualTo(due.toInstant());
            }
            line.lap("phase 1 deadline fired");
            Rest.complete(base, "coordination-staff", ex, "Task_HandleDeadlineBreach",
                    Map.of("breachDecision", "CONTINUE", "breachComment", "crash test"));
            Rest.readyAndGo(base, ex);
            Rest.confirmPhase(base, ex, 1);
            Rest.afterPhase(base, ex);

            // 6. mid-handover: phase 1 closed, phase 2 ready and given go, its crossing not yet confirmed
            Rest.await("phase 2 open", Duration.ofSeconds(30),
                    () -> Rest.openTasks(b2, "interior", ex, "Task_LogisticsInterior").size() == 1);
            Rest.readyAndGo(base, ex);
            Rest.recordManifest(base, ex, 2);
            assertThat(Rest.openTasks(base, "coordination-staff", ex, "Task_ConfirmHandover")).hasSize(1);
            base = line.crashAndRestart("mid-handover");
            assertThat(Rest.stage(base, ex)).isEqualTo("HANDOVER");
            JsonNode phases = Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex, null).get("phases");
            assertThat(phases.get(0).path("parityHolds").asBoolean()).isTrue();
            assertThat(Rest.openTasks(base, "coordination-staff", ex, "Task_ConfirmHandover")).hasSize(1);
            Rest.confirmCrossing(base, ex, 2);
            Rest.afterPhase(base, ex);
            String b3 = base;
            Rest.await("completed", Duration.ofSeconds(60), () -> "COMPLETED".equals(Rest.stage(b3, ex)));
            line.lap("completed");

            // nothing lost or doubled
            List<String> actions = actions(base, ex);
            assertThat(actions).doesNotHaveDuplicates();
            assertThat(actions.stream().map(s -> s.substring(0, s.indexOf('|')))).contains("EXCHANGE_CREATED",
                    "CANDIDATES_SUBMITTED", "LISTS_COMPILED", "COUNTERPARTY_LISTS_RECEIVED", "VERIFICATION_RESULTS",
                    "EXCHANGE_RATIFIED", "DEADLINE_WARNING", "DEADLINE_BREACHED", "LOGISTICS_READY", "HANDOVER_GO",
                    "HANDOVER_CONFIRMED", "FAMILIES_NOTIFIED", "PHASE_COMPLETED", "EXCHANGE_COMPLETED");
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/reviews", null)).hasSize(6);
            assertThat(Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/people", null)).hasSize(4);
            try (Connection c = Pg.connect(line.db)) {
                assertThat(ClusterIT.count(c, "select count(*) from act_ru_incident")).isZero();
                assertThat(ClusterIT.count(c, "select count(*) from act_ru_job where process_instance_id_ is not null")).isZero();
                assertThat(ClusterIT.count(c, "select count(*) from act_hi_actinst a join act_hi_procinst p on a.proc_inst_id_ = p.id_ "
                        + "where p.business_key_ = '" + ex + "' and a.act_id_ = 'Task_HandleDeadlineBreach'")).isEqualTo(1);
            }
            System.out.printf("CRASH: %d SIGKILLs survived at %s; exchange %s completed, audit %d records, none doubled%n",
                    line.kills, line.survived, ex, actions.size());
            assertThat(line.survived).hasSize(3);
        }
    }

    /** The exchange's audit as "action|subject", to find anything recorded twice. */
    private static List<String> actions(String base, String ex) throws Exception {
        JsonNode audit = Rest.ok(base, "coordination-staff", "GET", "/api/exchanges/" + ex + "/audit", null);
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asText() + "|" + e.path("subject").asText("")));
        return actions;
    }

    /** The one timer of the exchange (phase 1's warning, due with its deadline). */
    private static Timestamp timerDue(Connection c, String ex) throws Exception {
        assertThat(ClusterIT.count(c, "select count(*) from act_ru_job j join act_hi_procinst p on p.id_ = j.process_instance_id_ "
                + "where j.type_ = 'timer' and p.business_key_ = '" + ex + "'")).as("timers pending").isEqualTo(1);
        return single(c, "select j.duedate_ from act_ru_job j join act_ru_execution e on j.process_instance_id_ = e.proc_inst_id_ "
                + "and e.parent_id_ is null join act_hi_procinst p on p.id_ = e.proc_inst_id_ "
                + "where j.type_ = 'timer' and p.business_key_ = '" + ex + "'");
    }

    private static Timestamp single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getTimestamp(1);
        }
    }
}
