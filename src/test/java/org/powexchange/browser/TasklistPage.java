package org.powexchange.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as an official sees it: login, filters, the task list and the task's Camunda
 * Form (form-js). Fields are found by their label, as an official finds them, so a scenario reads
 * like the form and survives a re-layout of the form.
 */
final class TasklistPage {

    static final String PAGE = "Tasklist";
    private final Browser b;

    TasklistPage(Browser b) {
        this.b = b;
    }

    TasklistPage login(String user, String password) {
        b.forgetSession();
        b.signIn(PAGE, "/camunda/app/tasklist/default/#/login", user, password, "filters of " + user + " after sign-in",
                () -> !filterNames().isEmpty());
        return this;
    }

    /** Names of the filters the user can see, in the left column. */
    List<String> filterNames() {
        return b.visible(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
                .map(e -> e.getText().replaceAll("\\s*\\d+\\s*$", "").trim()).filter(s -> !s.isEmpty()).toList();
    }

    /** Names of the tasks listed in the middle column. */
    List<String> taskNames() {
        return b.visible(By.cssSelector("[cam-tasks] .task h4")).stream()
                .map(e -> e.getText().trim().split("\n")[0]).filter(s -> !s.isEmpty()).toList();
    }

    /** Opens a task by its id inside the given filter, as a link from the list would. */
    TasklistPage openTask(String filterId, String taskId, String taskName) {
        b.open("/camunda/app/tasklist/default/#/?filter=" + filterId + "&task=" + taskId);
        b.step(PAGE, "task \"" + taskName + "\" opened with its form", () ->
                b.visibleWithText(By.cssSelector("[cam-tasklist-task] .names h2, .task-details h2, .names h2"), taskName) != null
                        && !b.visible(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
        return this;
    }

    TasklistPage claim() {
        b.click(b.step(PAGE, "Claim link", () -> b.visible(By.cssSelector("button.claim")).stream().findFirst().orElse(null)));
        b.step(PAGE, "task claimed, form editable", () -> b.visible(By.cssSelector("button.claim")).isEmpty()
                && b.visible(By.cssSelector(".fjs-container .fjs-disabled, .fjs-container fieldset[disabled]")).isEmpty()
                || editableInputs() > 0);
        return this;
    }

    private long editableInputs() {
        return b.visible(By.cssSelector(".fjs-container input.fjs-input:not([disabled]), .fjs-container textarea:not([disabled])"))
                .size();
    }

    /** The form field (form-js) with this label. */
    WebElement field(String label) {
        for (WebElement f : b.visible(By.cssSelector(".fjs-container .fjs-form-field"))) {
            List<WebElement> labels = f.findElements(By.cssSelector("label.fjs-form-field-label"));
            if (!labels.isEmpty() && labels.get(0).getText().replaceAll("\\s*\\*\\s*$", "").trim().equals(label)) {
                return f;
            }
        }
        return null;
    }

    /** The value shown in the input of a single-value field. */
    String value(String label) {
        WebElement f = field(label);
        if (f == null) {
            return null;
        }
        return f.findElements(By.cssSelector("input, textarea")).stream().map(e -> e.getAttribute("value"))
                .filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
    }

    /** The option labels of a radio group or checklist. */
    List<String> options(String label) {
        WebElement f = field(label);
        if (f == null) {
            return List.of();
        }
        List<WebElement> labels = f.findElements(By.cssSelector("label.fjs-form-field-label"));
        return labels.subList(1, labels.size()).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** Ticks (radio) or toggles (checklist) the option whose label starts with {@code optionLabel}. */
    TasklistPage choose(String fieldLabel, String optionLabel) {
        WebElement option = b.step(PAGE, "option \"" + optionLabel + "\" of \"" + fieldLabel + "\"", () -> {
            WebElement f = field(fieldLabel);
            if (f == null) {
                return null;
            }
            for (WebElement l : f.findElements(By.cssSelector("label.fjs-form-field-label"))) {
                if (l.getText().trim().startsWith(optionLabel) && !l.findElements(By.cssSelector("input")).isEmpty()) {
                    return l.findElement(By.cssSelector("input"));
                }
            }
            return null;
        });
        b.click(option);
        // a choice reaches the form at once: form-js debounces typed text only
        return this;
    }

    TasklistPage type(String fieldLabel, String text) {
        WebElement input = b.step(PAGE, "text field \"" + fieldLabel + "\"", () -> {
            WebElement f = field(fieldLabel);
            return f == null ? null : f.findElements(By.cssSelector("textarea, input")).stream()
                    .filter(WebElement::isEnabled).findFirst().orElse(null);
        });
        b.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(text);
        b.flush(input);
        return this;
    }

    /** Adds a row to the form's dynamic list (its "Add" button) and waits for the row. */
    TasklistPage addRow() {
        int before = rows();
        b.click(b.step(PAGE, "\"Add\" button of the dynamic list", () ->
                b.visible(By.cssSelector(".fjs-container .fjs-repeat-render-add")).stream().findFirst().orElse(null)));
        b.step(PAGE, "a new row in the dynamic list", () -> rows() > before);
        return this;
    }

    private int rows() {
        return b.visible(By.cssSelector(".fjs-container .fjs-repeat-row-container")).size();
    }

    /** Opens a select field (form-js dropdown, searchable or not) and picks the option whose label contains the text. */
    TasklistPage select(String fieldLabel, String optionText) {
        WebElement opener = b.step(PAGE, "select \"" + fieldLabel + "\"", () -> {
            WebElement f = field(fieldLabel);
            return f == null ? null : f.findElements(By.cssSelector(".fjs-select-display, input.fjs-input")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
        b.click(opener);
        WebElement item = b.step(PAGE, "option \"" + optionText + "\" of \"" + fieldLabel + "\"", () ->
                b.visibleWithText(By.cssSelector(".fjs-dropdownlist-item"), optionText));
        b.click(item);
        // a choice reaches the form at once: form-js debounces typed text only
        b.step(PAGE, "\"" + optionText + "\" chosen in \"" + fieldLabel + "\"", () -> {
            WebElement f = field(fieldLabel);
            return f != null && (f.getText().contains(optionText) || f.findElements(By.cssSelector("input")).stream()
                    .anyMatch(i -> String.valueOf(i.getAttribute("value")).contains(optionText)));
        });
        return this;
    }

    /**
     * Presses Save (the form's draft is kept in the browser). Not needed before Complete: Tasklist 7.24's
     * bundle is served patched for form-js #1494 (webapps.TasklistBundlePatch).
     */
    TasklistPage save() {
        b.click(b.step(PAGE, "Save button enabled", () -> b.visible(By.xpath("//button[normalize-space()='Save']")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null)));
        Browser.pause(400);
        return this;
    }

    /** Presses Complete and waits until the task has left the view. */
    void complete(String taskName) {
        WebElement complete = b.step(PAGE, "Complete button enabled", () -> b.visible(By.cssSelector("button[ng-click='complete()']")).stream()
                .filter(WebElement::isEnabled).findFirst().orElse(null));
        b.click(complete);
        b.step(PAGE, "\"" + taskName + "\" completed and closed", () ->
                b.visibleWithText(By.cssSelector(".names h2"), taskName) == null);
    }
}
