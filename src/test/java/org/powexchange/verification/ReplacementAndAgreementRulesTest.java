package org.powexchange.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nobody skips the review (a person deferred in review is never a replacement nor agreed back; every
 * replacement is reviewed by the agencies its routing names and agreed by the other side before it is
 * verified), and art. 109 at the agreement of the final lists. All people are invented.
 */
class ReplacementAndAgreementRulesTest extends IntegrationTest {

    private ProcessInstance verification(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("neutral-verification").singleResult();
    }

    private Map<String, Object> byName(String ex, String family) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .filter(p -> family.equals(p.get("familyName"))).findFirst().orElseThrow();
    }

    private long id(String ex, String family) {
        return ((Number) byName(ex, family).get("personId")).longValue();
    }

    private static Map<String, Object> named(String family, String given) {
        return Map.of("familyName", family, "givenName", given);
    }

    @Test
    void aDeferredPersonIsNeverAReplacementAndReplacementsAreReviewedAndAgreedBeforeVerification() {
        String ex = d.createExchange("REPL-REVIEW-1", 1, List.of(1));
        Map<String, Object> strategic = new HashMap<>(ExchangeDriver.person("R-1", "RELEASE", "Signalov", "Boris",
                "MILITARY", false, null));
        strategic.put("strategicFlag", "signals officer");
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-0", "BRING_HOME", "Vidkladenyi", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-1", "BRING_HOME", "Zaminnyi", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-2", "BRING_HOME", "Tretii", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-0", "RELEASE", "Pervov", "Boris", "MILITARY", false, null), strategic)), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        long deferred = id(ex, "Vidkladenyi");
        assertThat(byName(ex, "Vidkladenyi")).containsEntry("status", "PROPOSED");
        // the security service objects to Vidkladenyi; the Staff defers him (no phase): back to the reserve
        d.reviewAll(ex, Map.of("security-service",
                List.of(ExchangeDriver.objection(deferred, "SECURITY_RISK", "assessment pending"))));
        runJobs(ex);
        d.complete("coordination-staff", d.task(ex, "Task_ResolveObjections"), Map.of("resolutionOutcome", "APPLY",
                "resolutions", Spin.JSON(List.of(ExchangeDriver.resolution(deferred, "DEFER", "SECURITY_RISK",
                        "not now")))));
        runJobs(ex);
        assertThat(byName(ex, "Vidkladenyi")).containsEntry("status", "RESERVE");
        assertThat(byName(ex, "Zaminnyi")).containsEntry("status", "PROPOSED");
        // deferred ahead of Tretii in the reserve: without the rule he would be the next replacement
        assertThat(((Number) byName(ex, "Vidkladenyi").get("rank")).intValue())
                .isLessThan(((Number) byName(ex, "Tretii").get("rank")).intValue());

        // the other side names him anyway: the Staff's agreement does not offer him
        ProcessInstance v = verification(ex);
        assertThat(v).isWaitingAt("Event_CounterpartyListsReceived");
        d.counterpartyLists(ex, "CP-REPL-REVIEW-1", List.of(named("Zaminnyi", "Ivan"), named("Vidkladenyi", "Ivan")),
                List.of(named("Pervov", "Boris")));
        assertThat(v).isWaitingAt("Task_AgreeFinalLists");
        Task agree = d.task(ex, "Task_AgreeFinalLists");
        assertThat(d.optionValues(agree, "homeOptions")).containsExactly(String.valueOf(id(ex, "Zaminnyi")));
        assertThatThrownBy(() -> d.complete("coordination-staff", agree, Map.of(
                "agreedHome", List.of(String.valueOf(deferred)), "agreedRelease", List.of(String.valueOf(id(ex, "Pervov"))),
                "agreementComment", "they asked for him"))).hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("removed or deferred by the Staff in review");
        d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of(
                "agreedHome", List.of(String.valueOf(id(ex, "Zaminnyi"))),
                "agreedRelease", List.of(String.valueOf(id(ex, "Pervov"))), "agreementComment", "one for one"));

        // both fail verification: the replacements are Tretii (never the deferred Vidkladenyi) and Signalov
        d.verifyAll(ex, Map.of("Zaminnyi", "NOT_FOUND", "Pervov", "NOT_FOUND"));
        assertThat(byName(ex, "Vidkladenyi")).containsEntry("status", "RESERVE");
        assertThat(byName(ex, "Tretii")).containsEntry("status", "PROPOSED");
        assertThat(byName(ex, "Signalov")).containsEntry("status", "PROPOSED");
        // first the agencies Signalov's routing names review the replacements only; nobody is verified meanwhile
        runJobs(ex);
        assertThat(v).isWaitingAt("CallActivity_ReviewReplacements");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ex).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("Task_ReviewMilitaryIntelligence", "Task_ReviewForeignIntelligence",
                        "Task_ReviewSecurityService");
        SpinJsonNode concerned = (SpinJsonNode) tasks.getVariable(
                d.task(ex, "Task_ReviewMilitaryIntelligence").getId(), "concernedPeople");
        assertThat(concerned.elements()).singleElement()
                .satisfies(n -> assertThat(n.prop("person").stringValue()).startsWith("Signalov"));
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests")).isEmpty();
        for (String agency : List.of("military-intelligence", "foreign-intelligence", "security-service")) {
            d.complete(agency, d.task(ex, ExchangeDriver.REVIEW_TASKS.get(agency)), ExchangeDriver.review(List.of()));
        }
        runJobs(ex);
        // then the other side's agreement: here their amended lists, naming the replacements
        assertThat(v).isWaitingAt("Task_AgreeFinalLists");
        d.counterpartyLists(ex, "CP-REPL-REVIEW-2", List.of(named("Tretii", "Ivan")), List.of(named("Signalov", "Boris")));
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests"))
                .extracting(p -> p.get("familyName")).containsExactlyInAnyOrder("Tretii", "Signalov");
        d.verifyAll(ex, Map.of());
        assertThat(v).isEnded();
        assertThat(byName(ex, "Vidkladenyi")).containsEntry("status", "RESERVE");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(a -> a.get("action"))
                .contains("REPLACEMENT_REVIEW_OPENED");
    }

    @Test
    void atTheAgreementAnArt109PersonWeHoldCannotBeUntickedAndOursRefusedByThemStayClaimed() {
        String ex = d.createExchange("AGREE-ART109-1", 1, List.of(1));
        d.draftAndClearReview(ex, List.of(
                ExchangeDriver.person("H-0", "BRING_HOME", "Poranenyi", "Andrii", "MILITARY", true, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-1", "BRING_HOME", "Zdorovyi", "Petro", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-0", "RELEASE", "Ranenov", "Oleg", "MILITARY", true, null),
                ExchangeDriver.person("R-1", "RELEASE", "Zdorovov", "Gleb", "MILITARY", false, null)), () -> runJobs(ex));
        ProcessInstance v = verification(ex);
        // they do not offer our wounded Poranenyi
        d.counterpartyLists(ex, "CP-AGREE-109", List.of(named("Zdorovyi", "Petro")),
                List.of(named("Ranenov", "Oleg"), named("Zdorovov", "Gleb")));
        assertThat(v).isWaitingAt("Task_AgreeFinalLists");
        String h0 = String.valueOf(id(ex, "Poranenyi"));
        String h1 = String.valueOf(id(ex, "Zdorovyi"));
        String r0 = String.valueOf(id(ex, "Ranenov"));
        String r1 = String.valueOf(id(ex, "Zdorovov"));
        Task agree = d.task(ex, "Task_AgreeFinalLists");
        assertThat(d.optionValues(agree, "art109HomeOptions")).containsExactly(h0);
        // unticking the wounded prisoner we hold
        assertThatThrownBy(() -> d.complete("coordination-staff", agree, Map.of("agreedHome", List.of(h0, h1),
                "agreedRelease", List.of(r1), "agreementComment", "they did not insist on him")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContainingAll("Ranenov", "art. 109-110", "cannot be left off");
        // dropping our wounded without the reason
        assertThatThrownBy(() -> d.complete("coordination-staff", agree, Map.of("agreedHome", List.of(h1),
                "agreedRelease", List.of(r0, r1), "agreementComment", "later")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class)
                .hasMessageContainingAll("Poranenyi", "refused by the other side");
        // the reason for someone who is not seriously wounded or sick
        assertThatThrownBy(() -> d.complete("coordination-staff", agree, Map.of("agreedHome", List.of(h0),
                "agreedRelease", List.of(r0, r1), "refusedByOtherSide", List.of(h1), "agreementComment", "x")))
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of("agreedHome", List.of(h1),
                "agreedRelease", List.of(r0, r1), "refusedByOtherSide", List.of(h0),
                "agreementComment", "they refuse to release Poranenyi now; we keep claiming him"));
        assertThat(byName(ex, "Poranenyi")).containsEntry("status", "DEMANDED");
        assertThat((String) byName(ex, "Poranenyi").get("statusReason")).contains("still claimed");
        assertThat(byName(ex, "Ranenov")).containsEntry("status", "AWAITING_VERIFICATION");
        Map<String, Object> rec = d.get("coordination-staff", "/api/exchanges/" + ex + "/reconciliation");
        assertThat((List<Map<String, Object>>) rec.get("stillClaimed")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("familyName", "Poranenyi"));
        assertThat((List<?>) rec.get("heldBackUnderArt119")).isEmpty();
    }

    @Test
    void ourReserveAddedAtTheAgreementIsReviewedBeforeVerification() {
        String ex = d.createExchange("AGREE-RESERVE-1", 1, List.of(1));
        Map<String, Object> flagged = new HashMap<>(ExchangeDriver.person("H-1", "BRING_HOME", "Rozvidnyk", "Ivan",
                "MILITARY", false, "CONFIRMED_ALIVE"));
        flagged.put("strategicFlag", "intelligence access");
        d.draftAndClearReview(ex, List.of(
                ExchangeDriver.person("H-0", "BRING_HOME", "Pershyi", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                flagged, ExchangeDriver.person("R-0", "RELEASE", "Pervov", "Boris", "MILITARY", false, null)),
                () -> runJobs(ex));
        ProcessInstance v = verification(ex);
        assertThat(byName(ex, "Rozvidnyk")).containsEntry("status", "RESERVE");
        // they offer our reserve Rozvidnyk instead of Pershyi; the Staff agrees
        d.counterpartyLists(ex, "CP-AGREE-RESERVE", List.of(named("Rozvidnyk", "Ivan")), List.of(named("Pervov", "Boris")));
        String added = String.valueOf(id(ex, "Rozvidnyk"));
        d.complete("coordination-staff", d.task(ex, "Task_AgreeFinalLists"), Map.of("agreedHome", List.of(added),
                "agreedRelease", List.of(String.valueOf(id(ex, "Pervov"))), "agreementComment", "their proposal"));
        // never reviewed: the agencies his routing names review him before anyone is verified
        runJobs(ex);
        assertThat(v).isWaitingAt("CallActivity_ReviewReplacements");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ex).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("Task_ReviewMilitaryIntelligence", "Task_ReviewForeignIntelligence",
                        "Task_ReviewSecurityService");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests")).isEmpty();
        for (String agency : List.of("military-intelligence", "foreign-intelligence", "security-service")) {
            d.complete(agency, d.task(ex, ExchangeDriver.REVIEW_TASKS.get(agency)), ExchangeDriver.review(List.of()));
        }
        runJobs(ex);
        // reviewed: the Staff confirms the agreement (he is now ticked) and verification begins
        Task again = d.task(ex, "Task_AgreeFinalLists");
        SpinJsonNode ticked = (SpinJsonNode) tasks.getVariable(again.getId(), "agreedHome");
        assertThat(ticked.elements()).extracting(SpinJsonNode::stringValue).containsExactly(added);
        d.complete("coordination-staff", again, Map.of("agreedHome", List.of(added),
                "agreedRelease", List.of(String.valueOf(id(ex, "Pervov"))), "agreementComment", "confirmed after review"));
        assertThat(v).isWaitingAt("Task_VerifyPeople");
        assertThat(d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests"))
                .extracting(p -> p.get("familyName")).containsExactlyInAnyOrder("Rozvidnyk", "Pervov");
    }
}
