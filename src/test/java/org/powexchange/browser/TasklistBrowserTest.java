package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.powexchange.ExchangeDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Officials at work in Tasklist: an agency reviews, the Staff decides, the handover officer confirms. */
class TasklistBrowserTest extends BrowserTest {

    @Test
    void anAgencyOfficialObjectsInTheReviewForm() {
        String ex = exchangeInReview("BROWSER-REVIEW-1");
        Task review = d.task(ex, "Task_ReviewSecurityService");

        TasklistPage tasklist = new TasklistPage(browser).login("sbu", "demo-sbu-pw");
        assertThat(tasklist.filterNames()).as("sbu's filters").containsExactly("Security Service – tasks");
        List<String> listed = browser.step(TasklistPage.PAGE, "the Security Service's review in the task list",
                () -> tasklist.taskNames().isEmpty() ? null : tasklist.taskNames());
        assertThat(listed).as("tasks sbu sees").allMatch(n -> n.equals("Review by the Security Service"));

        tasklist.openTask(filterId("Security Service – tasks"), review.getId(), "Review by the Security Service");
        browser.step(TasklistPage.PAGE, "the people who concern the Security Service listed in the review form",
                () -> !browser.visible(By.cssSelector(".fjs-container table tbody tr")).isEmpty());
        // one objection (a row of the dynamic list); completing approves everyone else in one step
        tasklist.claim()
                .addRow()
                .select("Person", "Testenko")
                .select("Reason", "Doubt about identity")
                .type("Comment", "identity of one candidate in doubt")
                .type("Comment on the lists (optional)", "the rest may go")
                .complete("Review by the Security Service");

        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/reviews"))
                .filteredOn(r -> "security-service".equals(r.get("agency"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("decision")).isEqualTo("OBJECT");
                    assertThat(r.get("comment")).isEqualTo("the rest may go");
                });
        String objected = "person " + d.personId(ex, "H-1");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> "REVIEW_OBJECTION".equals(a.get("action"))).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("subject")).isEqualTo(objected);
                    assertThat((String) a.get("detail")).contains("IDENTITY_DOUBT", "identity of one candidate in doubt");
                });
    }

    @Test
    void theStaffResolvesObjections() {
        String ex = exchangeInReview("BROWSER-RESOLVE-1");
        Map<String, Object> contested = d.people(ex, "PROPOSED").stream().filter(p -> "RELEASE".equals(p.get("side")))
                .findFirst().orElseThrow();
        Map<String, Object> reserve = d.people(ex, "RESERVE").stream().filter(p -> "RELEASE".equals(p.get("side")))
                .findFirst().orElseThrow();
        long contestedId = ((Number) contested.get("personId")).longValue();
        String contestedName = contested.get("familyName") + " " + contested.get("givenName");
        d.reviewAll(ex, Map.of("security-service", List.of(ExchangeDriver.objection(contestedId, "SECURITY_RISK",
                "served in a unit under investigation (invented)"))));
        runJobs(ex); // the review's join
        Task resolve = d.task(ex, "Task_ResolveObjections");

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), resolve.getId(), "Resolve objections");
        browser.step(TasklistPage.PAGE, "the contested person " + contestedName + " with the Security Service's objection "
                + "and the policy recommendation in \"Resolve objections\"", () ->
                String.valueOf(tasklist.value("Person")).contains(contestedName)
                        && String.valueOf(tasklist.value("Positions of the agencies")).contains("Security Service: OBJECTS")
                        && tasklist.value("Policy recommendation") != null);
        tasklist.claim()
                .select("Decision", "Remove and replace from the reserve")
                .select("Ground (for remove or defer)", "Security risk")
                .type("Why", "the objection is well founded")
                .choose("Outcome", "Apply these decisions")
                .type("Comment for the record", "decided in the Staff's meeting")
                .save() // see TasklistPage.save: Tasklist 7.24 needs it after an edit in a dynamic list
                .complete("Resolve objections");

        // the contested person is off the lists, the first of the reserve on the same side takes the place
        assertThat(status(ex, contestedId)).isEqualTo("TRACKED");
        assertThat(status(ex, ((Number) reserve.get("personId")).longValue())).isEqualTo("PROPOSED");
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> String.valueOf(a.get("action")).startsWith("OBJECTION_"))
                .anySatisfy(a -> assertThat(String.valueOf(a.get("detail"))).contains("the objection is well founded"));
    }

    private String status(String ex, long personId) {
        return d.list("coordination-staff", "/api/exchanges/" + ex + "/people").stream()
                .filter(p -> ((Number) p.get("personId")).longValue() == personId)
                .map(p -> String.valueOf(p.get("status"))).findFirst().orElseThrow();
    }

    @Test
    void theStaffConfirmsTheLists() {
        String ex = exchangeInDrafting("BROWSER-STAFF-1");
        Task confirm = d.task(ex, "Task_ConfirmLists");
        String drafting = confirm.getProcessInstanceId();
        String home = String.valueOf(runtime.getVariable(drafting, "bringHomeCount"));
        String release = String.valueOf(runtime.getVariable(drafting, "releaseCount"));
        String art109 = String.valueOf(runtime.getVariable(drafting, "art109Count"));

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        assertThat(tasklist.filterNames()).as("staff's filters").containsExactly("Coordination Staff on POW Affairs – tasks");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), confirm.getId(), "Confirm the lists");
        browser.step(TasklistPage.PAGE, "the compiled lists' counts (" + home + " home, " + release + " released, "
                + art109 + " art. 109) as text in \"Confirm the lists\"", () -> {
            WebElement figures = browser.visibleWithText(By.cssSelector(".fjs-container p"), "Candidates submitted: 6");
            return figures != null && figures.getText().contains("to bring home: " + home)
                    && figures.getText().contains("to release: " + release)
                    && figures.getText().contains("apart from parity): " + art109);
        });
        browser.step(TasklistPage.PAGE, "the proposed lists as tables", () ->
                tasklist.field("Proposed list to bring home (rank order, then the reserve)") != null
                        && tasklist.field("Proposed list to bring home (rank order, then the reserve)").getText().contains("Testenko"));
        tasklist.claim()
                .choose("Your decision", "Confirm the lists")
                .type("Comment", "checked against the submitted records")
                .complete("Confirm the lists");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(drafting).count()).isZero();
        assertThat(calledInstance(ex, "interagency-review")).as("review started after confirmation").isNotNull();
    }

    @Test
    void theHandoverOfficerConfirmsWhoCrossed() {
        String ex = exchangeInHandover("BROWSER-HANDOVER-1");
        List<Map<String, Object>> phase1 = d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=SCHEDULED")
                .stream().filter(p -> Integer.valueOf(1).equals(p.get("phaseNo"))).toList();
        // the other side's manifest comes first: they brought everyone of ours scheduled
        d.manifest(ex, 1, phase1.stream().filter(p -> "BRING_HOME".equals(p.get("side"))).map(p -> p.get("personId"))
                .toList(), 200);
        Task confirm = d.task(ex, "Task_ConfirmHandover");
        assertThat(phase1).as("people scheduled for phase 1").isNotEmpty();

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), confirm.getId(), "Confirm who crossed");
        for (Map<String, Object> p : phase1) {
            String field = "BRING_HOME".equals(p.get("side")) ? "Returned home (crossed to us)"
                    : "Released (crossed to the other side)";
            String name = p.get("familyName") + " " + p.get("givenName");
            browser.step(TasklistPage.PAGE, name + " in the checklist \"" + field + "\"",
                    () -> tasklist.options(field).stream().anyMatch(o -> o.startsWith(name)));
        }
        tasklist.claim();
        for (Map<String, Object> p : phase1) {
            tasklist.choose("BRING_HOME".equals(p.get("side")) ? "Returned home (crossed to us)"
                    : "Released (crossed to the other side)", p.get("familyName") + " " + p.get("givenName"));
        }
        tasklist.type("Remarks from the exchange point", "all crossed at the checkpoint")
                .complete("Confirm who crossed");

        Map<String, Object> status = d.get("coordination-staff", "/api/exchanges/" + ex);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) status.get("phases")).get(0);
        assertThat(first).containsEntry("parityHolds", true);
        // ours handed over to the other side; theirs received and repatriated when the phase closed
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=HANDED_OVER"))
                .hasSize((int) phase1.stream().filter(p -> "RELEASE".equals(p.get("side"))).count());
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=REPATRIATED"))
                .hasSize((int) phase1.stream().filter(p -> "BRING_HOME".equals(p.get("side"))).count());
    }

    private Object mainVariable(String ex, String name) {
        return runtime.getVariable(mainInstance(ex).getId(), name);
    }
}
