package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The neutral-verification process: counterparty lists, the agreement task, verification rounds,
 * replacement from the reserve, the Staff's decisions, refused results and the official external
 * task client against the running application. All people are invented.
 */
@AlsoOnPostgres
class NeutralVerificationScenarioTest extends IntegrationTest {

    /** {@code home} and {@code release} people, all military and alive, ranked in the order given. */
    private String exchangeAtVerification(String ref, int formula, List<String> home, List<String> release) {
        String ex = d.exchangeAwaitingCounterpartyLists(ref, formula, home, release, this::runJobs);
        assertThat(verification(ex)).isWaitingAt("Event_CounterpartyListsReceived");
        return ex;
    }

    private ProcessInstance verification(String ex) {
        return instanceOf(ex, "neutral-verification");
    }

    private ProcessInstance main(String ex) {
        return instanceOf(ex, "prisoner-exchange");
    }

    private Map<String, Map<String, Object>> byName(String ex) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .collect(Collectors.toMap(p -> (String) p.get("familyName"), Function.identity()));
    }

    @Test
    void allVerified() {
        String ex = exchangeAtVerification("VER-ALL-1", 2, List.of("Testenko", "Pryklad"), List.of("Fiktivov", "Primerov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-ALL-1");
        assertThat(v).isWaitingAt("Task_VerifyPeople").hasPassed("Task_ReconcileLists").hasNotPassed("Task_AgreeFinalLists");
        assertThat(runtime.getVariable(v.getId(), "matchedCount")).isEqualTo(4);
        assertThat(runtime.getVariable(v.getId(), "awaitingVerificationCount")).isEqualTo(4);
        assertThat(d.verifyAll(ex, Map.of())).containsEntry("recorded", 4).containsEntry("verificationComplete", true);
        assertThat(v).isEnded().hasPassed("EndEvent_VerificationCompleted");
        assertThat(main(ex)).isWaitingAt("Task_RecordRatification");
        assertThat(d.people(ex, "VERIFIED")).hasSize(4);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results"))
                .hasSize(4).allSatisfy(r -> assertThat(r.get("evidence")).isEqualTo("private interview"));
    }

    @Test
    void consentRefusalDeathAndNotFoundAreReplacedFromTheReserveAndReverified() {
        String ex = exchangeAtVerification("VER-REPL-1", 3,
                List.of("Avdiienko", "Bondar", "Chornyi", "Danylko", "Yevtukh"),
                List.of("Abramov", "Belov", "Chernov", "Dobrov", "Yegorov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-REPL-1");
        assertThat(d.people(ex, "RESERVE")).hasSize(4);
        d.verifyAll(ex, Map.of("Avdiienko", "CONSENT_REFUSED", "Bondar", "DECEASED", "Abramov", "NOT_FOUND",
                "Chornyi", "UNFIT_TO_TRAVEL:ESCORT"));
        // the next in rank on each side is proposed; reviewed (no agency is concerned) and agreed before verification
        d.agreeReplacements(ex);
        // round 2: the next in rank on each side replaces the failed
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        assertThat(runtime.getVariable(v.getId(), "verificationRound")).isEqualTo(2);
        assertThat(runtime.getVariable(v.getId(), "failedReasons")).isEqualTo("CONSENT_REFUSED: 1, DECEASED: 1, NOT_FOUND: 1");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests"))
                .extracting(p -> p.get("familyName")).containsExactlyInAnyOrder("Danylko", "Yevtukh", "Dobrov");
        d.verifyAll(ex, Map.of());
        assertThat(v).isEnded().hasPassed("EndEvent_VerificationCompleted");
        Map<String, Map<String, Object>> people = byName(ex);
        assertThat(people.get("Avdiienko")).containsEntry("status", "FAILED_VERIFICATION");
        assertThat((String) people.get("Avdiienko").get("statusReason")).startsWith("CONSENT_REFUSED; replaced by person ");
        assertThat((String) people.get("Bondar").get("statusReason")).startsWith("DECEASED; replaced by person ");
        assertThat((String) people.get("Abramov").get("statusReason")).startsWith("NOT_FOUND; replaced by person "
                + people.get("Dobrov").get("personId"));
        assertThat(people.get("Chornyi")).containsEntry("status", "VERIFIED")
                .containsEntry("statusReason", "travels with a medical escort");
        assertThat(people.get("Danylko")).containsEntry("status", "VERIFIED");
        assertThat(people.get("Yevtukh")).containsEntry("status", "VERIFIED");
        assertThat(people.get("Dobrov")).containsEntry("status", "VERIFIED");
        assertThat(people.get("Yegorov")).containsEntry("status", "RESERVE");
        assertThat(d.people(ex, "VERIFIED")).hasSize(6);
        assertThat(main(ex)).isWaitingAt("Task_RecordRatification");
        List<Map<String, Object>> audit = d.list("coordination-staff", "/api/exchanges/" + ex + "/audit");
        assertThat(audit).filteredOn(a -> "REPLACEMENT_PROPOSED".equals(a.get("action"))).hasSize(3);
    }

    @Test
    void reserveExhaustedLeadsToTheStaffsDecision() {
        String ex = exchangeAtVerification("VER-EXH-1", 2, List.of("Hnatiuk", "Ivanchuk"),
                List.of("Gromov", "Ilyin", "Kozlov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-EXH-1");
        d.verifyAll(ex, Map.of("Hnatiuk", "UNFIT_TO_TRAVEL:HOLD"));
        assertThat(v).isWaitingAt("Task_DecideShortfall");
        assertThat(runtime.getVariable(v.getId(), "shortHome")).isEqualTo(1);
        // a decision without a reason is refused
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_DecideShortfall"),
                Map.of("shortfallDecision", "SMALLER_PHASE"))).hasRootCauseInstanceOf(FormFieldValidationException.class);
        d.complete("coordination-staff", d.task(ex, "Task_DecideShortfall"),
                Map.of("shortfallDecision", "SMALLER_PHASE", "shortfallComment", "go with one per side now"));
        assertThat(v).isEnded().hasPassed("Task_BalanceLists", "EndEvent_VerifiedSmaller");
        Map<String, Map<String, Object>> people = byName(ex);
        assertThat(people.get("Hnatiuk")).containsEntry("status", "FAILED_VERIFICATION")
                .containsEntry("statusReason", "UNFIT_TO_TRAVEL (HOLD)");
        assertThat(people.get("Ivanchuk")).containsEntry("status", "VERIFIED");
        assertThat(people.get("Gromov")).containsEntry("status", "VERIFIED");
        assertThat(people.get("Ilyin")).containsEntry("status", "RESERVE");
        assertThat(main(ex)).isWaitingAt("Task_RecordRatification");
    }

    @Test
    void counterpartyListsWithDifferencesAreAgreedByTheTask() {
        String ex = exchangeAtVerification("VER-DIFF-1", 2, List.of("Kovalenko", "Lysenko", "Melnyk"),
                List.of("Kuznetsov", "Lebedev", "Morozov"));
        ProcessInstance v = verification(ex);
        // they offer only Kovalenko (spelt with other case and spacing) and someone we do not know;
        // they ask for Kuznetsov, Lebedev and Morozov, who is on our reserve
        d.counterpartyLists(ex, "CP-DIFF-1",
                List.of(Map.of("familyName", " KOVALENKO ", "givenName", "ivan"),
                        Map.of("familyName", "Nevidomyi", "givenName", "Oleh", "birthDate", "1990-01-02")),
                List.of(Map.of("familyName", "Kuznetsov", "givenName", "Boris"),
                        Map.of("familyName", "Lebedev", "givenName", "Boris"),
                        Map.of("familyName", "Morozov", "givenName", "Boris")));
        assertThat(v).isWaitingAt("Task_AgreeFinalLists");
        assertThat(runtime.getVariable(v.getId(), "matchedCount")).isEqualTo(3);
        assertThat(runtime.getVariable(v.getId(), "missingFromTheirsCount")).isEqualTo(1); // Lysenko
        assertThat(runtime.getVariable(v.getId(), "unknownToUsCount")).isEqualTo(2); // Nevidomyi, Morozov
        Map<String, Object> rec = d.get("coordination-staff", "/api/exchanges/" + ex + "/reconciliation");
        assertThat((List<Map<String, Object>>) rec.get("missingFromTheirs")).singleElement()
                .satisfies(p -> assertThat(p.get("familyName")).isEqualTo("Lysenko"));
        assertThat((List<Map<String, Object>>) rec.get("unknownToUs")).extracting(p -> p.get("match"))
                .containsExactlyInAnyOrder("UNKNOWN_TO_US", "NOT_ON_OUR_LIST");
        // the same lists sent twice change nothing
        assertThat(d.counterpartyLists(ex, "CP-DIFF-1", List.of(), List.of())).containsEntry("duplicate", true);

        Map<String, Map<String, Object>> people = byName(ex);
        String kovalenko = String.valueOf(people.get("Kovalenko").get("personId"));
        String lebedev = String.valueOf(people.get("Lebedev").get("personId"));
        String kuznetsov = String.valueOf(people.get("Kuznetsov").get("personId"));
        // unbalanced: 1 to bring home against 2 to release
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of(
                "agreedHome", List.of(kovalenko), "agreedRelease", List.of(kuznetsov, lebedev),
                "agreementComment", "agreed at the table"))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("parity");
        // someone the options do not offer
        String melnyk = String.valueOf(people.get("Melnyk").get("personId"));
        assertThatThrownBy(() -> d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of(
                "agreedHome", List.of(kovalenko, melnyk), "agreedRelease", List.of(kuznetsov, lebedev),
                "agreementComment", "agreed at the table"))).hasRootCauseInstanceOf(FormFieldValidationException.class);
        d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of(
                "agreedHome", List.of(kovalenko), "agreedRelease", List.of(kuznetsov),
                "agreementComment", "one for one now; Lysenko raised again at the next round"));
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        people = byName(ex);
        assertThat(people.get("Lysenko")).containsEntry("status", "NOT_EXCHANGED")
                .containsEntry("statusReason", "not agreed with the counterparty");
        assertThat(people.get("Lebedev")).containsEntry("status", "NOT_EXCHANGED");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests"))
                .extracting(p -> p.get("familyName")).containsExactlyInAnyOrder("Kovalenko", "Kuznetsov");
        d.verifyAll(ex, Map.of());
        assertThat(v).isEnded();
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .extracting(a -> a.get("action")).contains("COUNTERPARTY_LISTS_RECEIVED", "LISTS_RECONCILED", "LISTS_AGREED");
    }

    @Test
    void duplicateAndUnknownResultsAreRefusedCleanly() {
        String ex = exchangeAtVerification("VER-DUP-1", 1, List.of("Oliinyk"), List.of("Orlov"));
        String other = exchangeAtVerification("VER-DUP-2", 1, List.of("Pavlenko"), List.of("Petrov"));
        d.counterpartyListsMatchingOurs(ex, "CP-DUP-1");
        List<Map<String, Object>> awaiting = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests");
        Object oliinyk = awaiting.stream().filter(p -> "Oliinyk".equals(p.get("familyName"))).findFirst().orElseThrow()
                .get("personId");
        Object petrov = byName(other).get("Petrov").get("personId");
        String path = "/api/exchanges/" + ex + "/verification-results";
        Map<String, Object> one = new java.util.HashMap<>(ExchangeDriver.result(oliinyk, "VERIFIED"));
        one.put("evidence", "interview");
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(one)), 200))
                .containsEntry("recorded", 1).containsEntry("outstanding", 1);
        // the same result again changes nothing
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(one)), 200))
                .containsEntry("recorded", 0).containsEntry("unchanged", 1);
        // a different result for the same person is a conflict
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(Map.of("personId", oliinyk,
                "outcome", "DECEASED"))), 409)).containsEntry("field", "results[0].outcome");
        // someone not on this exchange's lists, and someone unknown altogether
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(ExchangeDriver.result(petrov,
                "VERIFIED"))), 422)).containsEntry("field", "results[0].personId");
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(ExchangeDriver.result(987654321,
                "VERIFIED"))), 422)).containsEntry("field", "results[0].personId");
        // unfit to travel needs the medical detail; an unknown outcome is bad input
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(ExchangeDriver.result(oliinyk,
                "UNFIT_TO_TRAVEL"))), 400)).containsEntry("field", "results[0].medical");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        assertThat(d.as("neutral-party").exchange(path, HttpMethod.POST, new HttpEntity<>(
                "{\"results\":[{\"personId\":1,\"outcome\":\"ESCAPED\"}]}", h), String.class).getStatusCode().value())
                .isEqualTo(400);
        // only the neutral party records results
        d.post("coordination-staff", path, Map.of("results", List.of(one)), 403);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).hasSize(1);
        assertThat(verification(ex)).isWaitingAt("Task_VerifyPeople");
    }

    @Test
    void aPassedDeadlineRaisesATaskAndTheStaffProceedsWithoutTheMissingResults() {
        String ex = exchangeAtVerification("VER-LATE-1", 1, List.of("Rudenko", "Savchuk"), List.of("Rybakov", "Sokolov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-LATE-1");
        Job deadline = management.createJobQuery().processInstanceId(v.getId()).timers().singleResult();
        management.executeJob(deadline.getId());
        assertThat(v).isWaitingAt("Task_HandleLateVerification");
        d.complete("coordination-staff", d.task(ex, "Task_HandleLateVerification"),
                Map.of("lateDecision", "WAIT", "lateComment", "the delegates were delayed at a checkpoint"));
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        // one result arrives, the other does not; the new deadline passes and the Staff proceeds
        Object rudenko = byName(ex).get("Rudenko").get("personId");
        d.post("neutral-party", "/api/exchanges/" + ex + "/verification-results", Map.of("results",
                List.of(ExchangeDriver.result(rudenko, "VERIFIED"))), 200);
        management.executeJob(management.createJobQuery().processInstanceId(v.getId()).timers().singleResult().getId());
        d.complete("coordination-staff", d.task(ex, "Task_HandleLateVerification"),
                Map.of("lateDecision", "PROCEED", "lateComment", "no access to the second place of detention"));
        // Rybakov failed for want of a result; Sokolov from the reserve replaces him and is verified in turn
        Map<String, Map<String, Object>> people = byName(ex);
        assertThat((String) people.get("Rybakov").get("statusReason")).startsWith("NO_RESULT_BY_DEADLINE; replaced by");
        d.agreeReplacements(ex);
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        d.verifyAll(ex, Map.of());
        assertThat(v).isEnded();
        assertThat(byName(ex).get("Sokolov")).containsEntry("status", "VERIFIED");
    }

    /** Fetch-and-lock and complete through the plain engine REST API: a result for someone not on the lists is a 400. */
    @Test
    @SuppressWarnings("unchecked")
    void completingTheExternalTaskWithAnUnknownPersonIsRefused() {
        String ex = exchangeAtVerification("VER-REST-1", 1, List.of("Umanets"), List.of("Ulyanov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-REST-1");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        // without credentials: 401; the Staff has no right to the neutral party's tasks: nothing fetched
        assertThat(http.exchange("/engine-rest/external-task/fetchAndLock", HttpMethod.POST, new HttpEntity<>(
                fetch(ex), h), String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(d.as("coordination-staff").exchange("/engine-rest/external-task/fetchAndLock", HttpMethod.POST,
                new HttpEntity<>(fetch(ex), h), String.class).getStatusCode().value()).isEqualTo(403);
        List<Map<String, Object>> locked = d.as("neutral-party").exchange("/engine-rest/external-task/fetchAndLock",
                HttpMethod.POST, new HttpEntity<>(fetch(ex), h), List.class).getBody();
        assertThat(locked).hasSize(1);
        String taskId = (String) locked.get(0).get("id");
        String bad = "[{\"personId\":987654321,\"outcome\":\"VERIFIED\"," + CONSENT + "}]";
        var refused = d.as("neutral-party").exchange("/engine-rest/external-task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "rest-worker", "variables", Map.of(
                        "verificationResults", Map.of("value", bad, "type", "String"))), h), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("not on this exchange's lists");
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        String good = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests").stream()
                .map(p -> "{\"personId\":" + p.get("personId") + ",\"outcome\":\"VERIFIED\"," + CONSENT + "}")
                .collect(Collectors.joining(",", "[", "]"));
        var done = d.as("neutral-party").exchange("/engine-rest/external-task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "rest-worker", "variables", Map.of(
                        "verificationResults", Map.of("value", good, "type", "String"))), h), String.class);
        assertThat(done.getStatusCode().value()).isEqualTo(204);
        assertThat(v).isEnded();
    }

    /** The consent finding of a person who wants to go home, as JSON inside a result. */
    static final String CONSENT = "\"consent\":{\"interviewedOn\":\"" + java.time.LocalDate.now()
            + "\",\"outcome\":\"WANTS_REPATRIATION\",\"delegateRef\":\"DLG-REST-1\"}";

    private static Map<String, Object> fetch(String ex) {
        return Map.of("workerId", "rest-worker", "maxTasks", 5, "topics", List.of(Map.of(
                "topicName", "neutral-verification", "lockDuration", 60000, "businessKey", ex,
                "variables", List.of("exchangeId"))));
    }

    /** The official external task client, as the neutral party's system, against the running application over HTTP. */
    @Test
    void theOfficialExternalTaskClientCompletesAVerification() throws Exception {
        String ex = exchangeAtVerification("VER-CLIENT-1", 1, List.of("Tkachenko", "Shevchuk"),
                List.of("Tarasov", "Stepanov"));
        ProcessInstance v = verification(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-CLIENT-1");
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        NeutralPartyWorker.Subscription client = NeutralPartyWorker.start("http://localhost:" + port, "icrc",
                "demo-icrc-pw", "test-neutral-party", Duration.ofMinutes(1), ex, person -> {
                    seen.add((String) person.get("familyName"));
                    boolean refuses = "Tarasov".equals(person.get("familyName"));
                    return new RecordVerificationResultsDelegate.WireResult(((Number) person.get("personId")).longValue(),
                            refuses ? VerificationOutcome.CONSENT_REFUSED : VerificationOutcome.VERIFIED, null,
                            "interviewed in private by the delegate", new Consent(java.time.LocalDate.now(),
                            refuses ? Consent.Outcome.REFUSES : Consent.Outcome.WANTS_REPATRIATION, "DLG-CLIENT-1"));
                });
        try {
            // round 1: Tarasov refuses; round 2: Stepanov, from the reserve, is verified through the client too
            long until = System.currentTimeMillis() + 30_000;
            boolean agreed = false;
            while (verification(ex) != null && System.currentTimeMillis() < until) {
                if (!agreed && runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                        .processDefinitionKey("interagency-review").count() > 0) {
                    // Stepanov, proposed for Tarasov: reviewed and agreed before the client verifies him
                    d.agreeReplacements(ex);
                    agreed = true;
                }
                Thread.sleep(200);
            }
        } finally {
            client.stop();
        }
        assertThat(verification(ex)).as("verification finished through the client").isNull();
        assertThat(seen).containsExactlyInAnyOrder("Tkachenko", "Tarasov", "Stepanov");
        assertThat(main(ex)).isWaitingAt("Task_RecordRatification");
        Map<String, Map<String, Object>> people = byName(ex);
        assertThat(people.get("Tarasov")).containsEntry("status", "FAILED_VERIFICATION");
        assertThat(people.get("Stepanov")).containsEntry("status", "VERIFIED");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results"))
                .allSatisfy(r -> assertThat(r.get("recordedBy")).isEqualTo("icrc"));
    }
}
