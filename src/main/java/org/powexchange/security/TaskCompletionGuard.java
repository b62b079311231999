package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server-side check of every task completion that arrives over HTTP (engine REST
 * {@code /engine-rest/task/{id}/complete|submit-form} and Tasklist's
 * {@code /camunda/api/engine/engine/{name}/task/{id}/complete|submit-form}). Camunda Forms validate
 * only in the browser; this filter reads the body and refuses, with a 400 problem document, any
 * variable that is not a field key of the task's deployed Camunda Form, any value type a form cannot
 * produce, a body that is not JSON, and a body over {@link #MAX_BODY} bytes (413). The values themselves
 * are then checked by the task's {@link org.powexchange.forms.TaskFormHandler}.
 */
public class TaskCompletionGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 256 * 1024;
    private static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)/?$");
    /** Value types a Camunda Form submission can carry. */
    private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "json", "null");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;

    public TaskCompletionGuard(TaskService tasks, FormService forms, IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = COMPLETION.matcher(path);
        if (!"POST".equalsIgnoreCase(request.getMethod()) || !m.matches()) {
            // a long poll answers asynchronously, after this filter has returned: a cached response would go
            // out empty (the external task client then logs an error for every poll that found no task)
            boolean longPoll = path.endsWith("/external-task/fetchAndLock");
            if (!longPoll && Set.of("POST", "PUT", "PATCH").contains(request.getMethod().toUpperCase())) {
                clientFaultsAsProblems(request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            problem(response, 413, "the request body exceeds " + MAX_BODY + " bytes", "body");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "the request body exceeds " + MAX_BODY + " bytes", "body");
            return;
        }
        if (path.startsWith("/camunda/") && !webappSignedIn(request)) {
            chain.doFilter(new CachedBody(request, body), response); // the webapp answers 401
            return;
        }
        String taskId = m.group(1);
        Authentication caller = identity.getCurrentAuthentication();
        if (!exists(taskId)) {
            problem(response, 404, "no such task", "taskId");
            return;
        }
        // a task the caller cannot see is left to the engine, which refuses it (403)
        if (caller != null && tasks.createTaskQuery().taskId(taskId).count() == 0) {
            completeAsProblem(new CachedBody(request, body), response, chain);
            return;
        }
        String refusal;
        try {
            refusal = check(taskId, body);
        } catch (TaskUnknown e) {
            problem(response, 404, "no such task", "taskId");
            return;
        }
        if (refusal != null) {
            int sep = refusal.indexOf('|');
            problem(response, 400, refusal.substring(sep + 1), refusal.substring(0, sep));
            return;
        }
        completeAsProblem(new CachedBody(request, body), response, chain);
    }

    /**
     * Lets the engine complete the task; a refusal it answers in its own JSON error format
     * ({@code type}, {@code message}) is rewritten as a problem document with the same status.
     */
    private static void completeAsProblem(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        org.springframework.web.util.ContentCachingResponseWrapper wrapped =
                new org.springframework.web.util.ContentCachingResponseWrapper(response);
        FormRefusalCapture.clear();
        chain.doFilter(request, wrapped);
        int status = wrapped.getStatus();
        RuntimeException refusal = FormRefusalCapture.take();
        if (status >= 400 && refusal != null) {
            // a task form handler refused a value: the caller's fault, not the server's
            wrapped.resetBuffer();
            problem(wrapped, 400, refusal.getMessage(), fieldOf(refusal));
        } else if (status >= 400 && !response.isCommitted()) {
            String detail = "the task could not be completed";
            String field = null;
            try {
                JsonNode error = JSON.readTree(wrapped.getContentAsByteArray());
                if (error != null && error.hasNonNull("message")) {
                    detail = error.get("message").asText();
                }
                if (error != null && error.has("type") && error.get("type").asText().contains("FormFieldValidation")) {
                    Matcher f = Pattern.compile("field '?([A-Za-z0-9_]+)").matcher(detail);
                    field = f.find() ? f.group(1) : null;
                }
            } catch (IOException e) {
                // not JSON: keep the generic detail
            }
            wrapped.resetBuffer();
            problem(wrapped, status, status >= 500 ? "the task could not be completed; the error has been logged" : detail, field);
        }
        wrapped.copyBodyToResponse();
    }

    /** Any other write to the engine: a refusal that is the caller's fault becomes a 400 problem document. */
    private static void clientFaultsAsProblems(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        org.springframework.web.util.ContentCachingResponseWrapper wrapped =
                new org.springframework.web.util.ContentCachingResponseWrapper(response);
        FormRefusalCapture.clear();
        chain.doFilter(request, wrapped);
        RuntimeException refusal = FormRefusalCapture.take();
        if (wrapped.getStatus() >= 500 && refusal != null) {
            wrapped.resetBuffer();
            problem(wrapped, 400, refusal.getMessage(), fieldOf(refusal));
        }
        wrapped.copyBodyToResponse();
    }

    private static String fieldOf(RuntimeException refusal) {
        return refusal instanceof org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException f
                && f.getDetail() instanceof String s ? s : null;
    }

    private static boolean webappSignedIn(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentications auths =
                org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
        return auths != null && !auths.getAuthentications().isEmpty();
    }

    private static final class TaskUnknown extends RuntimeException {
    }

    /** null when acceptable, else "field|message". */
    private String check(String taskId, byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return "body|the request body is not valid JSON";
        }
        if (root == null || root.isMissingNode()) {
            root = JSON.createObjectNode();
        }
        if (!root.isObject()) {
            return "body|the request body must be a JSON object";
        }
        JsonNode variables = root.get("variables");
        if (variables == null || variables.isNull() || variables.isEmpty() && variables.isObject()) {
            return null;
        }
        if (!variables.isObject()) {
            return "variables|'variables' must be an object";
        }
        Set<String> allowed = formFields(taskId);
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            String name = v.getKey();
            if (!allowed.contains(name)) {
                return safe(name) + "|variable '" + safe(name) + "' is not a field of this task's form";
            }
            JsonNode value = v.getValue();
            if (!value.isObject()) {
                return safe(name) + "|variable '" + name + "' must be an object with 'value' and 'type'";
            }
            String type = value.path("type").asText("string").toLowerCase();
            JsonNode info = value.path("valueInfo");
            if ("object".equals(type)) {
                String format = info.path("serializationDataFormat").asText("");
                String typeName = info.path("objectTypeName").asText("");
                if (!"application/json".equals(format) || !typeName.startsWith("java.util.")) {
                    return name + "|variable '" + name + "' has a value type a form cannot submit";
                }
            } else if (!FORM_TYPES.contains(type)) {
                return name + "|variable '" + name + "' has a value type a form cannot submit";
            }
        }
        return null;
    }

    private boolean exists(String taskId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return tasks.createTaskQuery().taskId(taskId).count() > 0;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The keys of the task's deployed Camunda Form, read without the caller's authorizations. */
    private Set<String> formFields(String taskId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new TaskUnknown();
            }
            try (InputStream in = forms.getDeployedTaskForm(taskId)) {
                return submittable(JSON.readTree(in));
            } catch (ProcessEngineException | IOException e) {
                return Set.of(); // no Camunda Form: no variable may be submitted
            }
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** The variable names a Camunda Form (its JSON) can submit; see {@link #collect}. */
    static Set<String> submittable(JsonNode form) {
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
        if (node == null) {
            return;
        }
        if (displayOnly(node)) {
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

    private static String safe(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("[^\\p{L}\\p{N}_ .${}#()'\"<>/;:=*+-]", "?");
    }

    static void problem(HttpServletResponse response, int status, String detail, String field) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        String title = org.springframework.http.HttpStatus.resolve(status) == null ? "Error"
                : org.springframework.http.HttpStatus.resolve(status).getReasonPhrase();
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        p.put("message", detail); // what Tasklist and Cockpit show of an engine error
        response.getWriter().write(JSON.writeValueAsString(p));
    }

    /** The request with its body already read, replayed for the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
