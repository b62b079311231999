package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The variables a task's deployed Camunda Form can submit: the schema a completion is checked against.
 * Read without the caller's authorizations (the caller's own rights are checked by the engine later).
 */
public class FormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;

    public FormSchema(TaskService tasks, FormService forms, IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    /** Whether the task exists at all (whoever may see it). */
    public boolean exists(String taskId) {
        return unauthenticated(() -> tasks.createTaskQuery().taskId(taskId).count() > 0);
    }

    /** The submittable field names of the task's form; empty when it has no Camunda Form; null when no such task. */
    public Set<String> fields(String taskId) {
        return unauthenticated(() -> {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                return null;
            }
            try (InputStream in = forms.getDeployedTaskForm(taskId)) {
                return submittable(JSON.readTree(in));
            } catch (ProcessEngineException | IOException e) {
                return Set.<String>of(); // no Camunda Form: no variable may be submitted
            }
        });
    }

    private <T> T unauthenticated(java.util.function.Supplier<T> work) {
        return unauthenticated(identity, work);
    }

    /** Runs an engine read as the system (the caller's authorizations do not apply), then restores the caller. */
    static <T> T unauthenticated(org.camunda.bpm.engine.IdentityService identity, java.util.function.Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The variable names a Camunda Form (its JSON) can submit; see {@link #collect}. */
    public static Set<String> submittable(JsonNode form) {
        Set<String> keys = new HashSet<>();
        collect(form, keys);
        return keys;
    }

    /**
     * The variables a form can submit: the key of every input field, and the top-level name of every
     * group or dynamic list with a path (its rows are one JSON variable, read by the task's handler).
     * Display-only fields (disabled or readonly) show values and are not submitted by the form, so they
     * are never accepted; neither is anything inside a display-only group or list.
     */
    private static void collect(JsonNode node, Set<String> keys) {
        if (node == null || displayOnly(node)) {
            return;
        }
        if (node.hasNonNull("key") && node.get("key").isTextual() && node.has("type")) {
            keys.add(node.get("key").asText());
        }
        if (node.hasNonNull("path") && node.get("path").isTextual() && !node.get("path").asText().isBlank()) {
            keys.add(node.get("path").asText().split("\\.")[0]);
            return; // fields inside a group with a path or a dynamic list belong to that variable
        }
        JsonNode children = node.get("components");
        if (children != null && children.isArray()) {
            children.forEach(c -> collect(c, keys));
        }
    }

    /** disabled: true, or readonly: true (a FEEL expression may make a field read-only only sometimes: accepted). */
    private static boolean displayOnly(JsonNode node) {
        return node.path("disabled").asBoolean(false) && node.path("disabled").isBoolean()
                || node.path("readonly").isBoolean() && node.path("readonly").asBoolean();
    }
}
