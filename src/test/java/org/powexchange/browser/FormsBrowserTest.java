package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.powexchange.ExchangeDriver;

/** Forms officials can work in: objections completed without Save, a 400-person list confirmed from its table. */
class FormsBrowserTest extends BrowserTest {

    @Test
    void anAgencyObjectsToTwoPeopleAndCompletesWithoutSave() {
        String ex = exchangeInReview("BROWSER-REVIEW-2");
        Task review = d.task(ex, "Task_ReviewSecurityService");

        TasklistPage tasklist = new TasklistPage(browser).login("sbu", "demo-sbu-pw");
        browser.step(TasklistPage.PAGE, "no end-of-life banner for an official", () ->
                browser.visible(By.cssSelector(".ce-eol-banner")).isEmpty());
        tasklist.openTask(filterId("Security Service – tasks"), review.getId(), "Review by the Security Service");
        browser.step(TasklistPage.PAGE, "the agency's introduction from its variable and the people as a table", () ->
                browser.visibleWithText(By.cssSelector(".fjs-container h1"), "Review by the Security Service") != null
                        && !browser.visible(By.cssSelector(".fjs-container table tbody tr")).isEmpty());
        tasklist.claim();
        tasklist.addRow();
        selectInRow(0, "Person", "Testenko");
        selectInRow(0, "Reason", "Doubt about identity");
        tasklist.addRow();
        selectInRow(1, "Person", "Fiktivov");
        selectInRow(1, "Reason", "Security risk");
        // no Save: Complete is enabled right after the edits in the rows (form-js #1494 patched in Tasklist's bundle)
        tasklist.complete("Review by the Security Service");

        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit"))
                .filteredOn(a -> "REVIEW_OBJECTION".equals(a.get("action")))
                .extracting(a -> a.get("subject"))
                .containsExactlyInAnyOrder("person " + d.personId(ex, "H-1"), "person " + d.personId(ex, "R-1"));
    }

    /** Picks an option of a select inside one row of the dynamic list (rows counted from 0). */
    private void selectInRow(int row, String label, String optionText) {
        WebElement opener = browser.step(TasklistPage.PAGE, "select \"" + label + "\" of objection " + (row + 1), () -> {
            List<WebElement> rows = browser.visible(By.cssSelector(".fjs-container .fjs-repeat-row-container"));
            if (rows.size() <= row) {
                return null;
            }
            for (WebElement f : rows.get(row).findElements(By.cssSelector(".fjs-form-field"))) {
                List<WebElement> labels = f.findElements(By.cssSelector("label.fjs-form-field-label"));
                if (!labels.isEmpty() && labels.get(0).getText().replaceAll("\\s*\\*\\s*$", "").trim().equals(label)) {
                    return f.findElements(By.cssSelector(".fjs-select-display, input.fjs-input")).stream()
                            .filter(WebElement::isDisplayed).findFirst().orElse(null);
                }
            }
            return null;
        });
        browser.click(opener);
        WebElement item = browser.step(TasklistPage.PAGE, "option \"" + optionText + "\"", () ->
                browser.visibleWithText(By.cssSelector(".fjs-dropdownlist-item"), optionText));
        browser.click(item);
        // a choice reaches the form at once: form-js debounces typed text only
        browser.step(TasklistPage.PAGE, "\"" + optionText + "\" chosen in objection " + (row + 1), () -> {
            WebElement r = browser.visible(By.cssSelector(".fjs-container .fjs-repeat-row-container")).get(row);
            return r.getText().contains(optionText) || r.findElements(By.cssSelector("input")).stream()
                    .anyMatch(i -> String.valueOf(i.getAttribute("value")).contains(optionText));
        });
    }

    @Test
    void theStaffConfirmsA400PersonListFromItsTable() {
        String ex = d.createExchange("BROWSER-CONFIRM-400", 400, List.of(400));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 410; i++) {
            records.add(ExchangeDriver.person("H-" + i, "BRING_HOME", invented("Tablychko", i), "Ivan", "MILITARY", false,
                    "CONFIRMED_ALIVE"));
            records.add(ExchangeDriver.person("R-" + i, "RELEASE", invented("Primerov", i), "Gleb", "MILITARY", false, null));
        }
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", records), 200);
        Task confirm = d.task(ex, "Task_ConfirmLists");

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), confirm.getId(), "Confirm the lists");
        String label = "Proposed list to bring home (rank order, then the reserve)";
        browser.step(TasklistPage.PAGE, "the figures as text and the list as a paged table of 25 rows", () -> {
            WebElement table = tasklist.field(label);
            return browser.visibleWithText(By.cssSelector(".fjs-container p"), "Candidates submitted: 820") != null
                    && table != null && table.findElements(By.cssSelector("tbody tr")).size() == 25
                    && table.getText().contains("1 of 17");
        });
        assertThat(browser.visible(By.cssSelector(".fjs-container textarea"))).as("no text blob").hasSize(1); // the comment
        assertThat(browser.visible(By.cssSelector(".fjs-container input[type='number']"))).as("no spin box").isEmpty();
        tasklist.claim(); // Tasklist covers an unclaimed task's form
        browser.click(tasklist.field(label).findElement(By.cssSelector("button[aria-label='Next page']")));
        browser.step(TasklistPage.PAGE, "page 2 of the list: ranks 26 to 50", () -> {
            WebElement table = tasklist.field(label);
            return table.getText().contains("2 of 17") && table.findElement(By.cssSelector("tbody tr td")).getText().equals("26");
        });
        tasklist.choose("Your decision", "Confirm the lists")
                .complete("Confirm the lists");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(confirm.getProcessInstanceId()).count()).isZero();
        assertThat(d.people(ex, "PROPOSED")).hasSize(800);
    }

    /** An invented family name made of letters only, distinct per number. */
    static String invented(String stem, int n) {
        StringBuilder sb = new StringBuilder();
        int k = n;
        do {
            sb.append((char) ('a' + k % 26));
            k /= 26;
        } while (k > 0);
        return stem + sb;
    }
}
