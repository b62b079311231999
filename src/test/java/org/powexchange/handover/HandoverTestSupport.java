package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Brings an exchange to ratification quickly (all approve, all verified) so the handover tests start there. */
abstract class HandoverTestSupport extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** An invented name made of letters only, distinct per number. */
    static String name(String stem, int n) {
        StringBuilder sb = new StringBuilder();
        int k = n;
        do {
            sb.append((char) ('a' + k % 26));
            k /= 26;
        } while (k > 0);
        return stem + sb;
    }

    static Map<String, Object> home(int n, boolean art109) {
        return born(ExchangeDriver.person("H-" + n, "BRING_HOME", name("Vyhadko", n), "Ivan", "MILITARY", art109,
                "CONFIRMED_ALIVE"), n);
    }

    static Map<String, Object> release(int n, boolean art109) {
        return born(ExchangeDriver.person("R-" + n, "RELEASE", name("Primerov", n), "Gleb", "MILITARY", art109, null), n);
    }

    /**
     * A birth date per person: the generated names differ by a letter or two (a doubled letter is the same
     * name to the matcher), so like real lists they carry the date that tells namesakes apart.
     */
    private static Map<String, Object> born(Map<String, Object> person, int n) {
        person.put("birthDate", java.time.LocalDate.of(1960, 1, 1).plusDays(n * 47L).toString());
        return person;
    }

    /** Creates the exchange, drafts, reviews and verifies everyone; returns it waiting for ratification. */
    String toRatification(String ref, List<Integer> phases, List<Map<String, Object>> records) {
        int formula = phases.stream().mapToInt(Integer::intValue).sum();
        String ex = d.createExchange(ref, formula, phases);
        d.draftAndClearReview(ex, records, () -> runJobs(ex));
        d.counterpartyListsMatchingOurs(ex, "CP-" + ref);
        d.verifyAll(ex, Map.of());
        assertThat(main(ex)).isNotNull();
        assertThat(runtime.getActiveActivityIds(main(ex).getId())).contains("Task_RecordRatification");
        return ex;
    }

    OffsetDateTime ratifyViaApi(String ex) {
        OffsetDateTime signed = OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        d.post("coordination-staff", "/api/exchanges/" + ex + "/ratification",
                Map.of("documentRef", "RAT-" + ex.substring(0, 8), "signedAt", signed.toString()), 200);
        return signed;
    }

    ProcessInstance main(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult();
    }

    ProcessInstance phaseInstance(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-handover").singleResult();
    }

    List<Map<String, Object>> people(String ex) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people");
    }

    Map<String, Object> person(String ex, String externalRef) {
        return people(ex).stream().filter(p -> externalRef.equals(p.get("externalRef"))).findFirst().orElseThrow();
    }

    /** Person ids scheduled in a phase on one side. */
    List<Long> scheduled(String ex, int phase, String side) {
        return people(ex).stream()
                .filter(p -> "SCHEDULED".equals(p.get("status")) && Integer.valueOf(phase).equals(p.get("phaseNo"))
                        && side.equals(p.get("side")))
                .map(p -> ((Number) p.get("personId")).longValue()).collect(Collectors.toCollection(ArrayList::new));
    }

    long id(String ex, String externalRef) {
        return ((Number) person(ex, externalRef).get("personId")).longValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> phase(String ex, int n) {
        List<Map<String, Object>> phases = (List<Map<String, Object>>) d.get("coordination-staff", "/api/exchanges/" + ex)
                .get("phases");
        return phases.get(n - 1);
    }
}
