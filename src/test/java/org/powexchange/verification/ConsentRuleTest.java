package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * GC III art. 109(3): nobody goes forward to the crossing without a recorded private interview in which
 * they said they want to go home; on /api and on the external task alike. All people are invented.
 */
class ConsentRuleTest extends IntegrationTest {

    private ProcessInstance verification(String ex) {
        return instanceOf(ex, "neutral-verification");
    }

    private Object idOf(String ex, String family) {
        return d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests").stream()
                .filter(p -> family.equals(p.get("familyName"))).findFirst().orElseThrow().get("personId");
    }

    @Test
    void verifiedOrUnfitWithoutWantingToGoHomeIsRefusedAndNothingIsStored() {
        String ex = d.exchangeInVerification("CONSENT-API-1", List.of("Zghodenko"), List.of("Soglasov"), this::runJobs);
        String path = "/api/exchanges/" + ex + "/verification-results";
        Object home = idOf(ex, "Zghodenko");
        Object release = idOf(ex, "Soglasov");
        // VERIFIED with no consent at all, behind a good result: the whole batch is refused, naming the result
        Map<String, Object> noConsent = new HashMap<>(Map.of("personId", release, "outcome", "VERIFIED"));
        Map<String, Object> problem = d.post("neutral-party", path, Map.of("results",
                List.of(ExchangeDriver.result(home, "VERIFIED"), noConsent)), 400);
        assertThat(problem).containsEntry("field", "results[1].consent");
        assertThat((String) problem.get("detail")).contains("109(3)");
        // UNFIT_TO_TRAVEL with an escort but the person refuses
        Map<String, Object> refuses = new HashMap<>(ExchangeDriver.result(release, "UNFIT_TO_TRAVEL"));
        refuses.put("medical", "ESCORT");
        refuses.put("consent", Map.of("interviewedOn", java.time.LocalDate.now().toString(), "outcome", "REFUSES",
                "delegateRef", "DLG-3"));
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(refuses)), 400))
                .containsEntry("field", "results[0].consent");
        // VERIFIED while undecided
        Map<String, Object> undecided = new HashMap<>(ExchangeDriver.result(release, "VERIFIED"));
        undecided.put("consent", ExchangeDriver.consentFor("CONSENT_UNDECIDED"));
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(undecided)), 400))
                .containsEntry("field", "results[0].consent");
        // a delegate's name is not a pseudonymous reference
        Map<String, Object> named = new HashMap<>(ExchangeDriver.result(release, "VERIFIED"));
        named.put("consent", Map.of("interviewedOn", java.time.LocalDate.now().toString(),
                "outcome", "WANTS_REPATRIATION", "delegateRef", "Anna Vymyslova"));
        assertThat(d.post("neutral-party", path, Map.of("results", List.of(named)), 400).get("field"))
                .asString().startsWith("results[0].consent");
        assertThat(d.list("coordination-staff", path)).isEmpty();
        assertThat(verification(ex)).isWaitingAt("Task_VerifyPeople");
    }

    @Test
    void aRefusalIsReplacedAndAnUndecidedPersonWaitsForANewInterview() {
        String ex = d.exchangeInVerification("CONSENT-API-2", List.of("Vahannia", "Rishuchyi"),
                List.of("Otkazov", "Reshetov"), this::runJobs);
        String path = "/api/exchanges/" + ex + "/verification-results";
        d.post("neutral-party", path, Map.of("results", List.of(
                ExchangeDriver.result(idOf(ex, "Vahannia"), "CONSENT_UNDECIDED"),
                ExchangeDriver.result(idOf(ex, "Rishuchyi"), "VERIFIED"),
                ExchangeDriver.result(idOf(ex, "Otkazov"), "VERIFIED"),
                ExchangeDriver.result(idOf(ex, "Reshetov"), "VERIFIED"))), 200);
        // the undecided person is still outstanding: the neutral party is asked to interview again
        assertThat(verification(ex)).isWaitingAt("Task_VerifyPeople");
        Map<String, Object> vahannia = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests")
                .stream().filter(p -> "Vahannia".equals(p.get("familyName"))).findFirst().orElseThrow();
        assertThat(vahannia).containsEntry("hasResult", false).containsEntry("newInterviewNeeded", true);
        // the new interview: now refuses; the refusal is stored with the interview, never what was said
        Map<String, Object> r = d.post("neutral-party", path, Map.of("results", List.of(
                ExchangeDriver.result(vahannia.get("personId"), "CONSENT_REFUSED"))), 200);
        assertThat(r).containsEntry("recorded", 1).containsEntry("outstanding", 0);
        Map<String, Object> stored = d.list("coordination-staff", path).stream()
                .filter(x -> x.get("personId").equals(vahannia.get("personId"))).findFirst().orElseThrow();
        assertThat(stored).containsEntry("outcome", "CONSENT_REFUSED");
        assertThat((Map<String, Object>) stored.get("consent")).containsEntry("outcome", "REFUSES")
                .containsEntry("delegateRef", "DLG-07").containsOnlyKeys("interviewedOn", "outcome", "delegateRef");
        Map<String, Object> person = d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .filter(p -> "Vahannia".equals(p.get("familyName"))).findFirst().orElseThrow();
        assertThat(person).containsEntry("status", "FAILED_VERIFICATION");
        assertThat((String) person.get("statusReason")).startsWith("CONSENT_REFUSED");
    }

    /** The external task: a completion whose results lack consent fails with 400 and the task stays open. */
    @Test
    @SuppressWarnings("unchecked")
    void theExternalTaskRefusesAVerifiedResultWithoutConsent() {
        String ex = d.exchangeInVerification("CONSENT-REST-1", List.of("Bezzghody"), List.of("Bezsoglasiya"),
                this::runJobs);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        List<Map<String, Object>> locked = d.as("neutral-party").exchange("/engine-rest/external-task/fetchAndLock",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "consent-worker", "maxTasks", 1, "topics",
                        List.of(Map.of("topicName", "neutral-verification", "lockDuration", 60000, "businessKey", ex,
                                "variables", List.of("exchangeId", "verificationRound")))),
                        h), List.class).getBody();
        assertThat(locked).hasSize(1);
        String taskId = (String) locked.get(0).get("id");
        StringBuilder json = new StringBuilder("[");
        for (Map<String, Object> p : d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests")) {
            json.append(json.length() > 1 ? "," : "").append("{\"personId\":").append(p.get("personId"))
                    .append(",\"outcome\":\"VERIFIED\"}");
        }
        json.append("]");
        var refused = d.as("neutral-party").exchange("/engine-rest/external-task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("workerId", "consent-worker", "variables", Map.of(
                        "verificationResults", Map.of("value", json.toString(), "type", "String"))), h), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("results[0].consent");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).isEmpty();
        assertThat(verification(ex)).isWaitingAt("Task_VerifyPeople");
    }
}
