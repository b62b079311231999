package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Ombudsman in Tasklist: "Notify the families" lists one row per family of the phase, with why the family
 * is told and the relative's contact from the family appeal; the Ombudsman records an outcome per family and
 * completes; the family not reached comes back after the retry time.
 */
class OmbudsmanBrowserTest extends BrowserTest {

    private static final String TASK = "Notify the families";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOmbudsmanRecordsAnOutcomePerFamily() {
        String ex = exchangeInHandover("BROWSER-FAMILIES-1");
        List<Map<String, Object>> phase1 = d.list("coordination-staff", "/api/exchanges/" + ex + "/people?status=SCHEDULED")
                .stream().filter(p -> Integer.valueOf(1).equals(p.get("phaseNo"))).toList();
        List<Object> home = phase1.stream().filter(p -> "BRING_HOME".equals(p.get("side"))).map(p -> p.get("personId")).toList();
        List<Object> release = phase1.stream().filter(p -> "RELEASE".equals(p.get("side"))).map(p -> p.get("personId")).toList();
        assertThat(home).as("ours in phase 1").hasSizeGreaterThanOrEqualTo(2);
        Map<Long, String> names = new HashMap<>();
        phase1.forEach(p -> names.put(((Number) p.get("personId")).longValue(), p.get("familyName") + " " + p.get("givenName")));
        long reached = ((Number) home.get(0)).longValue();
        long unreached = ((Number) home.get(1)).longValue();
        // the family appeals on record for them (contact kept as written)
        appeal(ex, "FAM-B1", reached, "+380 44 000 0201");
        appeal(ex, "FAM-B2", unreached, "(044) 000-02-02 (mother)");
        d.crossing(ex, 1, home, release); // their manifest (everyone brought), then everyone crossed
        Task notify = d.task(ex, "Task_NotifyFamilies");

        TasklistPage tasklist = new TasklistPage(browser).login("ombudsman", "demo-ombudsman-pw");
        tasklist.openTask(filterId("Office of the Ombudsman – tasks"), notify.getId(), TASK);
        for (Object id : home) {
            String name = names.get(((Number) id).longValue());
            browser.step(TasklistPage.PAGE, "a row for the family of " + name + " in \"" + TASK + "\"",
                    () -> row(name) >= 0);
        }
        browser.step(TasklistPage.PAGE, "the relative's contact from the appeal and why the family is told",
                () -> String.valueOf(value(row(names.get(unreached)), "Field_FamilyContact")).contains("(044) 000-02-02 (mother)")
                        && String.valueOf(value(row(names.get(reached)), "Field_FamilyReason")).startsWith("Returned home"));
        tasklist.claim();
        for (Object id : home) {
            long personId = ((Number) id).longValue();
            String name = names.get(personId);
            if (personId == unreached) {
                choose(name, 1, "Not reached");
                type(name, "no answer at the number of the appeal");
            } else {
                choose(name, 0, "Reached");
                type(name, "told the family by phone");
            }
        }
        browser.step(TasklistPage.PAGE, "an outcome chosen for every family", () -> browser.visible(
                By.cssSelector(".fjs-container input[type=radio][id*='-Field_FamilyOutcome_']")).stream()
                .filter(WebElement::isSelected).count() == home.size());
        browser.js("window.scrollTo(0, 0); document.querySelectorAll('.fjs-container').forEach(e => e.scrollIntoView());");
        browser.screenshot("OmbudsmanBrowserTest-notify-the-families-filled-in");
        // no Save needed: the patched form bundle (webapps.TasklistBundlePatch, form-js #1494) keeps Complete enabled
        tasklist.complete(TASK);

        Map<Long, String> outcomes = new HashMap<>();
        jdbc.sql("select person_id, status from family_notification where exchange_id = ?").param(UUID.fromString(ex))
                .query(rs -> {
                    outcomes.put(rs.getLong("person_id"), rs.getString("status"));
                });
        assertThat(outcomes).containsEntry(reached, "REACHED").containsEntry(unreached, "UNREACHED");
        assertThat(jdbc.sql("select a.note from family_contact_attempt a join family_notification n on n.id = a.notification_id "
                + "where n.exchange_id = ? and n.person_id = ?").params(UUID.fromString(ex), unreached)
                .query(String.class).single()).isEqualTo("no answer at the number of the appeal");
        ProcessInstance followUp = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("phase-follow-up").singleResult();
        assertThat(runtime.getActiveActivityIds(followUp.getId())).contains("Event_RetryUnreachedFamilies");
    }

    private void appeal(String ex, String ref, long personId, String contact) {
        jdbc.sql("insert into source_record (exchange_id, source, source_ref, side, content_sha256, family_name, given_name, "
                        + "relative_contact, imported_at) values (?, 'FAMILY_APPEALS', ?, 'BRING_HOME', ?, 'Appeal', "
                        + "'Invented', ?, ?)")
                .params(UUID.fromString(ex), ref, "sha-" + ref, contact, OffsetDateTime.now()).update();
        jdbc.sql("insert into record_link (record_id, person_id, match_confidence, match_basis) select id, ?, 1, 'given' "
                + "from source_record where exchange_id = ? and source = 'FAMILY_APPEALS' and source_ref = ?")
                .params(personId, UUID.fromString(ex), ref).update();
    }

    /**
     * The index of the dynamic-list row whose "Person" shows this name, or -1. form-js numbers the fields of
     * row i with the suffix _i (the list has no add or remove, so its rows have no container of their own).
     */
    private int row(String name) {
        for (int i = 0; ; i++) {
            String person = value(i, "Field_FamilyPerson");
            if (person == null && browser.visible(input(i, "Field_FamilyPerson")).isEmpty()) {
                return -1;
            }
            if (person != null && person.startsWith(name)) {
                return i;
            }
        }
    }

    private static By input(int row, String fieldId) {
        String id = "[id$='-" + fieldId + "_" + row + "']";
        return By.cssSelector(".fjs-container input" + id + ", .fjs-container textarea" + id);
    }

    private String value(int row, String fieldId) {
        return browser.visible(input(row, fieldId)).stream().map(e -> e.getAttribute("value"))
                .filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
    }

    /** Ticks the outcome (0 reached, 1 not reached, 2 no contact) in the family's row. */
    private void choose(String name, int option, String label) {
        WebElement radio = browser.step(TasklistPage.PAGE, "outcome \"" + label + "\" for the family of " + name, () -> {
            int i = row(name);
            return i < 0 ? null : browser.visible(By.cssSelector(".fjs-container input[type=radio][id$='-Field_FamilyOutcome_"
                    + i + "-" + option + "']")).stream().filter(WebElement::isEnabled).findFirst().orElse(null);
        });
        assertThat(radio.findElement(By.xpath("..")).getText().trim()).startsWith(label);
        browser.click(radio);
        // a choice reaches the form at once: form-js debounces typed text only
    }

    private void type(String name, String text) {
        WebElement note = browser.step(TasklistPage.PAGE, "note for the family of " + name, () -> {
            int i = row(name);
            return i < 0 ? null : browser.visible(input(i, "Field_FamilyNote")).stream().filter(WebElement::isEnabled)
                    .findFirst().orElse(null);
        });
        browser.js("arguments[0].scrollIntoView({block: 'center'});", note);
        note.sendKeys(text);
        browser.flush(note);
    }
}
