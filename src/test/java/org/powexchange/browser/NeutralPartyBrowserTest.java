package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The neutral party (icrc) answers a verification round in Tasklist: outcome and consent per person, then Complete. */
class NeutralPartyBrowserTest extends BrowserTest {

    static final String TASK = "Verify the people of round 1";

    @Test
    @SuppressWarnings("unchecked")
    void theNeutralPartyVerifiesTheRoundInTasklist() {
        String ex = exchangeInReview("BROWSER-VERIFY-1");
        allAgenciesApprove(ex);
        runJobs(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-BROWSER-VERIFY-1");
        Task task = d.task(ex, "Task_VerifyInTasklist");
        int people = d.list("neutral-party", "/api/exchanges/" + ex + "/verification-requests").size();
        assertThat(people).isGreaterThanOrEqualTo(4);

        TasklistPage tasklist = new TasklistPage(browser).login("icrc", "demo-icrc-pw");
        // the neutral party sees its own filter and nothing else
        assertThat(tasklist.filterNames()).containsExactly("Neutral intermediary – tasks");
        tasklist.openTask(filterId("Neutral intermediary – tasks"), task.getId(), TASK);
        String table = "People to verify (identity and place of detention)";
        browser.step(TasklistPage.PAGE, "the people as a table with identity data and place of detention only", () -> {
            WebElement t = tasklist.field(table);
            return t != null && t.findElements(By.cssSelector("tbody tr")).size() == people
                    && t.getText().contains("Place of detention") && t.getText().contains("Testenko Ivan")
                    && !t.getText().contains("flag");
        });
        tasklist.claim();
        tasklist.type("Your delegate reference (for every row that gives none)", "DLG-BR-1");
        pickToday("Interviewed on (for every row that gives no date)");
        for (int i = 0; i < people; i++) {
            selectInRow(i, "Finding", "Verified");
            if (i < people - 1) {
                selectInRow(i, "Consent finding", "Wants repatriation");
            }
        }
        // the last row without the consent finding: the same rule as /api refuses it, naming the row
        browser.click(browser.step(TasklistPage.PAGE, "Complete button enabled", () -> browser.visible(
                By.cssSelector("button[ng-click='complete()']")).stream().filter(WebElement::isEnabled).findFirst()
                .orElse(null)));
        browser.step(TasklistPage.PAGE, "the refusal names the row and the consent", () ->
                browser.visibleWithText(By.cssSelector("body"), "Row " + people + " (") != null
                        && browser.visibleWithText(By.cssSelector("body"), "consent finding of the private interview") != null);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results")).isEmpty();
        // the error notification covers the buttons: close it
        browser.click(browser.step(TasklistPage.PAGE, "close button of the error", () -> browser.visible(
                By.cssSelector(".page-notifications .close")).stream().findFirst().orElse(null)));
        browser.step(TasklistPage.PAGE, "error closed", () -> browser.visible(By.cssSelector(".page-notifications .alert"))
                .isEmpty());
        selectInRow(people - 1, "Consent finding", "Wants repatriation");
        tasklist.complete(TASK);

        List<Map<String, Object>> results = d.list("coordination-staff", "/api/exchanges/" + ex + "/verification-results");
        assertThat(results).hasSize(people).allSatisfy(r -> {
            assertThat(r).containsEntry("outcome", "VERIFIED").containsEntry("recordedBy", "icrc");
            assertThat((Map<String, Object>) r.get("consent")).containsEntry("outcome", "WANTS_REPATRIATION")
                    .containsEntry("delegateRef", "DLG-BR-1").containsEntry("interviewedOn", LocalDate.now().toString());
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("neutral-verification").count()).isZero();
    }

    /** Opens the date picker of a form-js date field and picks today. */
    private void pickToday(String label) {
        TasklistPage tasklist = new TasklistPage(browser);
        WebElement input = browser.step(TasklistPage.PAGE, "date field \"" + label + "\"", () -> {
            WebElement f = tasklist.field(label);
            return f == null ? null : f.findElements(By.cssSelector("input")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElse(null);
        });
        browser.click(input);
        browser.click(browser.step(TasklistPage.PAGE, "today in the calendar", () ->
                browser.visible(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")).stream().findFirst()
                        .orElse(null)));
        // a choice reaches the form at once: form-js debounces typed text only
        browser.step(TasklistPage.PAGE, "a date in \"" + label + "\"", () ->
                !String.valueOf(tasklist.field(label).findElement(By.cssSelector("input")).getAttribute("value")).isBlank());
    }

    /**
     * Picks an option of a select inside one row of the findings (rows counted from 0). A list without add and
     * remove has no row containers: form-js numbers each row's field ids ({@code <field id>_<row>}).
     */
    private void selectInRow(int row, String label, String optionText) {
        String fieldId = Map.of("Finding", "Field_RowOutcome", "Consent finding", "Field_RowConsent").get(label);
        By display = By.cssSelector("[id$='-" + fieldId + "_" + row + "-display']");
        WebElement opener = browser.step(TasklistPage.PAGE, "select \"" + label + "\" of row " + (row + 1), () ->
                browser.visible(display).stream().findFirst().orElse(null));
        browser.click(opener);
        WebElement item = browser.step(TasklistPage.PAGE, "option \"" + optionText + "\"", () ->
                browser.visibleWithText(By.cssSelector(".fjs-dropdownlist-item"), optionText));
        browser.click(item);
        // a choice reaches the form at once: form-js debounces typed text only
        browser.step(TasklistPage.PAGE, "\"" + optionText + "\" chosen in row " + (row + 1), () ->
                browser.visible(display).stream().anyMatch(e -> e.getText().contains(optionText)));
    }
}
