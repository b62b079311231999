package org.powexchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.security.DemoProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo seed, off in the test profile, turned on here by hand against the running test application:
 * two exchanges once, one left at "Confirm the lists", one driven to its first phase; nobody else's touched.
 */
@AlsoOnPostgres
class DemoSeedTest extends IntegrationTest {

    @Autowired
    DemoSeedRepository seeds;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoProperties demo;
    @Autowired
    Environment env;
    @Autowired
    ApplicationContext context;

    @Test
    void offInTheTestProfileAndNeverInProd() {
        assertThat(context.getBeansOfType(DemoSeed.class)).isEmpty();
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod", "postgres");
        assertThat(new DemoSeed(seeds, tasks, json, demo, prod, false).allowed()).isFalse();
        assertThat(new DemoSeed(seeds, tasks, json, demo, env, false).allowed()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void seedsTwoExchangesOnceAndDrivesOnlyItsOwn() throws Exception {
        // an official's exchange waiting at the same step the seed drives through
        String others = d.createExchange("NOT-SEEDED-1", 1, List.of(1));
        d.post("coordination-staff", "/api/exchanges/" + others + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Ostanniy", "Yarema", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Poslednov", "Savva", "MILITARY", false, null))), 200);
        Task othersConfirm = d.task(others, "Task_ConfirmLists");

        DemoSeed seed = new DemoSeed(seeds, tasks, json, demo, env, false);
        seed.useBaseUrl("http://localhost:" + port);
        seed.seedOnce();
        UUID waiting = seeds.find(DemoSeed.WAITING_REF).orElseThrow().exchangeId();
        UUID running = seeds.find(DemoSeed.RUNNING_REF).orElseThrow().exchangeId();
        boolean done = false;
        for (int i = 0; i < 40 && !done; i++) {
            runJobs(waiting.toString());
            runJobs(running.toString());
            done = seed.step();
        }
        assertThat(done).as("the running exchange reached its first phase").isTrue();

        assertThat(d.task(waiting.toString(), "Task_ConfirmLists").getAssignee()).isNull();
        d.task(running.toString(), "Task_LogisticsInterior");
        d.task(running.toString(), "Task_LogisticsDefence");
        Map<String, Object> status = d.get("coordination-staff", "/api/exchanges/" + running);
        assertThat(status).containsEntry("stage", "HANDOVER");
        OffsetDateTime ratified = OffsetDateTime.parse((String) status.get("ratifiedAt"));
        assertThat(Duration.between(ratified, OffsetDateTime.now())).isBetween(Duration.ofMinutes(110), Duration.ofMinutes(130));
        Map<String, Object> phase1 = ((List<Map<String, Object>>) status.get("phases")).get(0);
        assertThat(phase1).containsEntry("status", "IN_PROGRESS");
        assertThat(OffsetDateTime.parse((String) phase1.get("dueAt"))).isAfter(OffsetDateTime.now());

        // nobody else's exchange was touched: its task is open, unclaimed, the same
        Task stillThere = d.task(others, "Task_ConfirmLists");
        assertThat(stillThere.getId()).isEqualTo(othersConfirm.getId());
        assertThat(stillThere.getAssignee()).isNull();

        // once only: a second start seeds nothing more
        seed.seedOnce();
        List<Map<String, Object>> all = d.list("coordination-staff", "/api/exchanges?limit=500");
        assertThat(all.stream().filter(e -> String.valueOf(e.get("agreementRef")).startsWith("DEMO-SEED-"))).hasSize(2);
    }
}
