package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.powexchange.IntegrationTest;
import org.powexchange.forms.TaskFormHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The task completion guard against every form of every user task: whatever the task's handler reads
 * (fields, dynamic lists submitted as one JSON variable) can be submitted, so Tasklist can complete
 * every task; a display-only (disabled or readonly) field never can.
 */
class TaskCompletionGuardFormsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFieldAHandlerReadsIsSubmittableAndNoDisplayOnlyFieldIs() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        try (Stream<Path> s = Files.list(Path.of("forms"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(f.toFile());
                forms.put(form.path("id").asText(), form);
            }
        }
        List<String> findings = new ArrayList<>();
        int tasksChecked = 0;
        int displayOnlyChecked = 0;
        try (Stream<Path> s = Files.list(Path.of("bpmn"))) {
            for (Path file : s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    JsonNode form = forms.get(task.getCamundaFormRef());
                    assertThat(form).as("form of " + task.getId()).isNotNull();
                    Set<String> accepted = FormSchema.submittable(form);
                    Set<String> read = new HashSet<>();
                    for (CamundaTaskListener l : task.getExtensionElements() == null ? List.<CamundaTaskListener>of()
                            : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
                        String expr = l.getCamundaDelegateExpression();
                        if (expr != null && "complete".equals(l.getCamundaEvent())
                                && context.getBean(expr.substring(2, expr.length() - 1)) instanceof TaskFormHandler h) {
                            read.addAll(h.fieldsRead());
                        }
                    }
                    Set<String> inputs = inputs(form.path("components"));
                    for (String field : inputs) {
                        if (!accepted.contains(field)) {
                            findings.add(task.getId() + " (" + task.getCamundaFormRef() + "): the guard refuses input '" + field
                                    + "', which Tasklist submits");
                        }
                    }
                    // a handler shared by several tasks may read a field only some of their forms have
                    for (String field : read) {
                        if (inputs.contains(field) && !accepted.contains(field)) {
                            findings.add(task.getId() + " (" + task.getCamundaFormRef() + "): the guard refuses '" + field
                                    + "', which the task's handler reads");
                        }
                    }
                    assertThat(read.stream().anyMatch(inputs::contains) || read.isEmpty())
                            .as(task.getId() + ": its handler reads some field of its form").isTrue();
                    for (String shown : displayOnly(form.path("components"))) {
                        displayOnlyChecked++;
                        if (accepted.contains(shown)) {
                            findings.add(task.getId() + " (" + task.getCamundaFormRef() + "): display-only field '" + shown
                                    + "' is accepted as a submitted variable");
                        }
                    }
                    tasksChecked++;
                }
            }
        }
        assertThat(findings).isEmpty();
        assertThat(tasksChecked).isGreaterThanOrEqualTo(20);
        assertThat(displayOnlyChecked).isGreaterThan(0);
    }

    @Test
    void displayOnlyFieldsAndTheirChildrenAreNeverSubmittable() throws IOException {
        JsonNode form = json.readTree("""
                {"components": [
                  {"type": "textfield", "key": "shown", "disabled": true},
                  {"type": "number", "key": "fixed", "readonly": true},
                  {"type": "textfield", "key": "sometimes", "readonly": "=phaseNo > 1"},
                  {"type": "select", "key": "decision"},
                  {"type": "dynamiclist", "path": "rows", "components": [{"type": "textfield", "key": "inner"}]},
                  {"type": "dynamiclist", "path": "shownRows", "disabled": true,
                   "components": [{"type": "textfield", "key": "x"}]},
                  {"type": "group", "components": [{"type": "checkbox", "key": "grouped"},
                                                   {"type": "textfield", "key": "groupedShown", "disabled": true}]}
                ]}""");
        assertThat(FormSchema.submittable(form)).containsExactlyInAnyOrder("sometimes", "decision", "rows", "grouped");
    }

    /**
     * What form-js submits: the key of every keyed input that is not disabled, and the path of a dynamic
     * list (its rows, one JSON variable); nothing of a display-only component or of a text, table or image.
     */
    private static Set<String> inputs(JsonNode components) {
        Set<String> keyed = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "radio", "select",
                "checklist", "taglist");
        Set<String> out = new HashSet<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            boolean shown = c.path("disabled").asBoolean(false) || c.path("readonly").isBoolean() && c.path("readonly").asBoolean();
            if (shown) {
                continue;
            }
            if (keyed.contains(type) && c.hasNonNull("key")) {
                out.add(c.get("key").asText());
            } else if (("dynamiclist".equals(type) || "group".equals(type)) && c.hasNonNull("path")
                    && !c.get("path").asText().isBlank()) {
                out.add(c.get("path").asText().split("\\.")[0]);
            } else if (c.has("components")) {
                out.addAll(inputs(c.path("components")));
            }
        }
        return out;
    }

    private static List<String> displayOnly(JsonNode components) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : components) {
            boolean shown = c.path("disabled").asBoolean(false) || c.path("readonly").isBoolean() && c.path("readonly").asBoolean();
            if (shown && c.hasNonNull("key")) {
                out.add(c.get("key").asText());
            }
            if (shown && c.hasNonNull("path")) {
                out.add(c.get("path").asText());
            }
            if (!c.hasNonNull("path") && c.has("components")) {
                out.addAll(displayOnly(c.path("components")));
            }
        }
        return out;
    }
}
