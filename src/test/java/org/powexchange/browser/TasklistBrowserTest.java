package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
/** Officials at work in Tasklist: an agency reviews, the Staff decides, the handover officer confirms. */
class TasklistBrowserTest extends BrowserTest {

    @Test
    void anAgencyOfficialObjectsInTheReviewForm() {
        String ex = exchangeInReview("BROWSER-REVIEW-1");
        Task review = d.task(ex, "Task_ReviewSecurityService");
        long fiktivov = d.personId(ex, "R-1");

        TasklistPage tasklist = new TasklistPage(browser).login("sbu", "demo-sbu-pw");
        assertThat(tasklist.filterNames()).as("sbu's filters").containsExactly("Security Service – tasks");
        List<String> listed = browser.step(TasklistPage.PAGE, "the Security Service's review in the task list",
                () -> tasklist.taskNames().isEmpty() ? null : tasklist.taskNames());
        assertThat(listed).as("tasks sbu sees").allMatch(n -> n.equals("Review by the Security Service"));

        tasklist.openTask(filterId("Security Service – tasks"), review.getId(), "Review by the Security Service");
        List<List<String>> people = browser.step(TasklistPage.PAGE,
                "Fiktivov (criminal proceedings) and Primerov (strategic) in \"People who concern you\"", () -> {
                    List<List<String>> rows = tasklist.tableRows("People who concern you");
                    return rows.size() == 2 ? rows : null;
                });
        assertThat(people).anySatisfy(r -> assertThat(String.join(" | ", r))
                .contains("Fiktivov Boris").contains("criminal proceedings pending"));
        assertThat(people).anySatisfy(r -> assertThat(String.join(" | ", r))
                .contains("Primerov Gleb").contains("strategic: cipher officer"));
        assertThat(people.toString()).as("only the people that concern the security service")
                .doesNotContain("Testenko").doesNotContain("Pryklad").doesNotContain("Vigadana");

        tasklist.claim()
                .addRow("Objections (one row per person)")
                .select("Objections (one row per person)", 0, "Person", "★ Fiktivov Boris")
                .select("Objections (one row per person)", 0, "Reason", "Security risk")
                .typeInRow("Objections (one row per person)", 0, "Comment", "known to recruit for sabotage")
                .type("Comment on the lists (optional)", "the other people approved")
                .completeDynamicListForm("Review by the Security Service");

        Map<String, Object> record = d.get("coordination-staff", "/api/exchanges/" + ex + "/review-record");
        assertThat((List<Map<String, Object>>) record.get("objections")).singleElement().satisfies(o -> {
            assertThat(o).containsEntry("agency", "security-service").containsEntry("reasonCode", "SECURITY_RISK")
                    .containsEntry("comment", "known to recruit for sabotage").containsEntry("objectedBy", "sbu");
            assertThat(((Number) o.get("personId")).longValue()).isEqualTo(fiktivov);
        });
        assertThat((List<Map<String, Object>>) record.get("reviews"))
                .filteredOn(r -> "security-service".equals(r.get("agency"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("decision", "OBJECT")
                        .containsEntry("comment", "the other people approved").containsEntry("reviewer", "sbu"));
    }

    @Test
    void theStaffResolvesTheObjection() {
        String ex = exchangeWithObjection("BROWSER-RESOLVE-1");
        Task resolve = d.task(ex, "Task_ResolveObjections");
        long fiktivov = d.personId(ex, "R-1");
        long obraztsov = d.personId(ex, "R-3");

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), resolve.getId(), "Resolve objections");
        browser.step(TasklistPage.PAGE, "the contested Fiktivov with the agencies' positions and the policy recommendation",
                () -> String.valueOf(tasklist.valueInRow("Contested people", 0, "Person")).startsWith("Fiktivov Boris")
                        && String.valueOf(tasklist.valueInRow("Contested people", 0, "Positions of the agencies"))
                        .contains("Security Service: OBJECTS – PENDING_CRIMINAL_PROCEEDINGS (trial pending before a military court)")
                        && String.valueOf(tasklist.valueInRow("Contested people", 0, "Policy recommendation"))
                        .startsWith("REMOVE"));
        tasklist.claim()
                .select("Contested people", 0, "Decision", "Remove and replace from the reserve")
                .select("Contested people", 0, "Ground (for remove or defer)", "Pending criminal proceedings")
                .typeInRow("Contested people", 0, "Why", "to stand trial first")
                .choose("Outcome", "Apply these decisions")
                .type("Comment for the record", "replaced from the reserve")
                .completeDynamicListForm("Resolve objections");

        Map<String, Object> record = d.get("coordination-staff", "/api/exchanges/" + ex + "/review-record");
        assertThat((List<Map<String, Object>>) record.get("resolutions")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("decision", "REMOVE").containsEntry("basisCode", "PENDING_CRIMINAL_PROCEEDINGS")
                    .containsEntry("comment", "to stand trial first").containsEntry("decidedBy", "staff");
            assertThat(((Number) r.get("personId")).longValue()).isEqualTo(fiktivov);
            assertThat(((Number) r.get("replacementPersonId")).longValue()).isEqualTo(obraztsov);
        });
        assertThat(d.people(ex, "PROPOSED")).extracting(p -> p.get("familyName"))
                .contains("Obraztsov").doesNotContain("Fiktivov");
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
                + art109 + " art. 109) in \"Confirm the lists\"", () -> "6".equals(tasklist.value("Candidates submitted"))
                && home.equals(tasklist.value("People to bring home"))
                && release.equals(tasklist.value("People to release"))
                && art109.equals(tasklist.value("Seriously wounded and sick (exempt from parity)")));
        List<String> lists = browser.step(TasklistPage.PAGE, "the proposed lists by name in \"Confirm the lists\"",
                () -> {
                    List<String> v = java.util.Arrays.asList(tasklist.value("Proposed list to bring home (then reserve)"),
                            tasklist.value("Proposed list to release (then reserve)"));
                    return v.contains(null) ? null : v;
                });
        assertThat(lists.get(0)).as("list to bring home").contains("Testenko Ivan", "Pryklad Petro", "Vigadana Olena");
        assertThat(lists.get(1)).as("list to release").contains("Fiktivov Boris", "Primerov Gleb", "Obraztsov Dmitri");
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
        Task confirm = d.task(ex, "Task_ConfirmHandover");
        List<Map<String, Object>> phase1 = d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=SCHEDULED")
                .stream().filter(p -> Integer.valueOf(1).equals(p.get("phaseNo"))).toList();
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
        // ours are back home once the phase is closed; the released stay recorded as handed over
        assertThat(d.people(ex, "REPATRIATED")).extracting(p -> p.get("personId"))
                .containsExactlyInAnyOrderElementsOf(phase1.stream().filter(p -> "BRING_HOME".equals(p.get("side")))
                        .map(p -> p.get("personId")).toList());
        assertThat(d.people(ex, "HANDED_OVER")).extracting(p -> p.get("personId"))
                .containsExactlyInAnyOrderElementsOf(phase1.stream().filter(p -> "RELEASE".equals(p.get("side")))
                        .map(p -> p.get("personId")).toList());
    }

    private Object mainVariable(String ex, String name) {
        return runtime.getVariable(mainInstance(ex).getId(), name);
    }
}
