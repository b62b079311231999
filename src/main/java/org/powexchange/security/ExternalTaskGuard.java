package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The neutral party's external task, checked before the engine runs anything: it fetches and locks tasks
 * of its topics only (and only the variables its task needs), it completes, fails, extends or raises a
 * BPMN error on tasks of those topics only, and a completion carries its results variable and nothing
 * else, as well-formed JSON (a malformed result is a 400 naming the field, never the engine's error).
 * Administrators are held to the plain-types rule only.
 */
public class ExternalTaskGuard extends org.springframework.web.filter.OncePerRequestFilter {

    private static final Pattern ACTION = Pattern.compile("^/external-task/([^/]+)/(complete|failure|extendLock|bpmnError)/?$");

    private final ExternalTaskService externalTasks;
    private final IdentityService identity;
    private final Set<String> topics;
    private final Set<String> fetchable;
    private final String resultsVariable;

    public ExternalTaskGuard(ExternalTaskService externalTasks, IdentityService identity, Set<String> topics,
                             Set<String> fetchable, String resultsVariable) {
        this.externalTasks = externalTasks;
        this.identity = identity;
        this.topics = topics;
        this.fetchable = fetchable;
        this.resultsVariable = resultsVariable;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String engine = AccessRules.enginePath(request.getRequestURI().substring(request.getContextPath().length()));
        return !"POST".equalsIgnoreCase(request.getMethod()) || engine == null || !engine.startsWith("/external-task/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String engine = AccessRules.enginePath(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication caller = identity.getCurrentAuthentication();
        boolean admin = caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMIN);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            ProblemWriter.write(response, 415, "external task requests must be sent as application/json", "Content-Type");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(TaskCompletionGuard.MAX_BODY * 4 + 1);
        if (body.length > TaskCompletionGuard.MAX_BODY * 4) {
            ProblemWriter.write(response, 413, "the request body exceeds " + TaskCompletionGuard.MAX_BODY * 4 + " bytes", "body");
            return;
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : JsonLimits.parse(body);
        } catch (JsonLimits.Invalid e) {
            ProblemWriter.write(response, 400, "the request body is " + e.getMessage(), "body");
            return;
        }
        if (root == null || !root.isObject()) {
            ProblemWriter.write(response, 400, "the request body must be a JSON object", "body");
            return;
        }
        SubmissionCheck.Refusal refusal;
        if (engine.startsWith("/external-task/fetchAndLock")) {
            refusal = admin ? null : fetch(root);
        } else {
            Matcher m = ACTION.matcher(engine);
            if (!m.matches()) {
                refusal = admin ? null : new SubmissionCheck.Refusal(403, null, "not an action of the neutral party");
            } else {
                refusal = action(m.group(1), m.group(2), root, admin);
            }
        }
        if (refusal != null) {
            ProblemWriter.write(response, refusal.status(), refusal.detail(), refusal.field());
            return;
        }
        chain.doFilter(new BodyLimits.Replayed(request, body), response);
    }

    private SubmissionCheck.Refusal fetch(JsonNode root) {
        JsonNode list = root.get("topics");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return new SubmissionCheck.Refusal(400, "topics", "'topics' must name the topics to fetch");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (!topics.contains(t.path("topicName").asText())) {
                return new SubmissionCheck.Refusal(403, "topics[" + i + "].topicName", "not a topic of the neutral party");
            }
            JsonNode vars = t.get("variables");
            if (vars == null || !vars.isArray()) {
                return new SubmissionCheck.Refusal(400, "topics[" + i + "].variables",
                        "name the variables to fetch: " + fetchable);
            }
            for (JsonNode v : vars) {
                if (!fetchable.contains(v.asText())) {
                    return new SubmissionCheck.Refusal(403, "topics[" + i + "].variables",
                            "variable '" + SubmissionCheck.safe(v.asText()) + "' is not needed by the verification task");
                }
            }
            if (t.path("localVariables").asBoolean(false)) {
                return new SubmissionCheck.Refusal(403, "topics[" + i + "].localVariables", "local variables are not fetched");
            }
        }
        return null;
    }

    private SubmissionCheck.Refusal action(String taskId, String action, JsonNode root, boolean admin) {
        ExternalTask task = unauthenticated(() -> externalTasks.createExternalTaskQuery().externalTaskId(taskId).singleResult());
        if (task == null) {
            return new SubmissionCheck.Refusal(404, "taskId", "no such external task (it may just have been completed)");
        }
        if (admin) {
            return null;
        }
        if (!topics.contains(task.getTopicName())) {
            return new SubmissionCheck.Refusal(403, null, "not a task of the neutral party");
        }
        Set<String> allowed = "complete".equals(action) || "bpmnError".equals(action) ? Set.of(resultsVariable) : Set.of();
        JsonNode variables = root.get("variables");
        SubmissionCheck.Refusal r = SubmissionCheck.check(root, allowed, this::results);
        if (r != null) {
            return r.detail().contains("not a field of this task's form")
                    ? new SubmissionCheck.Refusal(400, r.field(), "variable '" + r.field() + "' cannot be submitted by the neutral party")
                    : r;
        }
        if (variables != null && variables.isObject() && variables.has(resultsVariable)) {
            JsonNode v = variables.get(resultsVariable).path("value");
            String problem = v.isNull() || v.isMissingNode() ? "is required" : v.isTextual() ? results(resultsVariable, v.asText())
                    : "must be JSON text";
            if (problem != null) {
                // "[0].personId must be ..." names the element's field
                boolean element = problem.startsWith("[");
                String field = element ? resultsVariable + problem.substring(0, problem.indexOf(' ')) : resultsVariable;
                return new SubmissionCheck.Refusal(400, field, "'" + field + "' "
                        + (element ? problem.substring(problem.indexOf(' ') + 1) : problem));
            }
        }
        return null;
    }

    /** The results: a JSON array of objects, each with a numeric personId and a textual outcome. */
    private String results(String variable, String text) {
        JsonNode list;
        try {
            list = JsonLimits.parse(text);
        } catch (JsonLimits.Invalid e) {
            return "is " + e.getMessage();
        }
        if (list == null || !list.isArray()) {
            return "must be a JSON array of results";
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            if (!r.isObject()) {
                return "[" + i + "] must be an object";
            }
            JsonNode id = r.get("personId");
            if (id == null || !(id.canConvertToLong() && id.isIntegralNumber() || id.isTextual() && id.asText().matches("\\d{1,18}"))) {
                return "[" + i + "].personId must be a person's id";
            }
            if (!r.path("outcome").isTextual()) {
                return "[" + i + "].outcome must be an outcome";
            }
        }
        return null;
    }

    private <T> T unauthenticated(java.util.function.Supplier<T> work) {
        return FormSchema.unauthenticated(identity, work);
    }
}
