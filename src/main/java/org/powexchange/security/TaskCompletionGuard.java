package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server-side check of every user task completion that reaches the engine over HTTP, whatever the
 * path's form ({@code /engine-rest/task/{id}/complete|submit-form}, {@code /engine-rest/engine/{name}/...},
 * Tasklist's {@code /camunda/api/engine/engine/{name}/...}; path parameters, encoded and doubled slashes
 * never get this far: the firewall refuses them). Camunda Forms validate only in the browser; here a
 * completion needs {@code application/json}, a JSON object, and variables that are fields of the task's
 * deployed form ({@link FormSchema}) with plain values ({@link SubmissionCheck}); the values themselves
 * are then checked by the task's {@link org.powexchange.forms.TaskFormHandler}. Refusals are problem
 * documents ({@link ProblemWriter}). Completions of one task run one at a time on a node, so of
 * simultaneous ones the first completes and the others find the task gone (404).
 */
public class TaskCompletionGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 256 * 1024;
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form)/?$");
    private static final ReentrantLock[] LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private final TaskService tasks;
    private final FormSchema schema;
    private final IdentityService identity;

    public TaskCompletionGuard(TaskService tasks, FormSchema schema, IdentityService identity) {
        this.tasks = tasks;
        this.schema = schema;
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return taskOf(request) == null;
    }

    /** The task id when the request is a completion, else null. */
    static String taskOf(HttpServletRequest request) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return null;
        }
        String engine = AccessRules.enginePath(request.getRequestURI().substring(request.getContextPath().length()));
        Matcher m = engine == null ? null : COMPLETION.matcher(engine);
        return m != null && m.matches() ? m.group(1) : null;
    }

    private static boolean webappSignedIn(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        org.camunda.bpm.webapp.impl.security.auth.Authentications auths = session == null ? null
                : org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
        return auths != null && !auths.getAuthentications().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String taskId = taskOf(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/camunda/") && !webappSignedIn(request)) {
            chain.doFilter(request, response); // not signed in to the webapp: it answers 401
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            ProblemWriter.write(response, 415, "a completion must be sent as application/json", "Content-Type");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            ProblemWriter.write(response, 413, "the request body exceeds " + MAX_BODY + " bytes", "body");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            ProblemWriter.write(response, 413, "the request body exceeds " + MAX_BODY + " bytes", "body");
            return;
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : JsonLimits.parse(body);
        } catch (JsonLimits.Invalid e) {
            ProblemWriter.write(response, 400, "the request body is " + e.getMessage(), "body");
            return;
        }
        ReentrantLock lock = LOCKS[Math.floorMod(taskId.hashCode(), LOCKS.length)];
        lock.lock();
        try {
            if (!schema.exists(taskId)) {
                ProblemWriter.write(response, 404, "no such task (it may just have been completed)", "taskId");
                return;
            }
            request.setAttribute(EngineProblems.COMPLETING, taskId);
            BodyLimits.Replayed replay = new BodyLimits.Replayed(request, body);
            // a task the caller cannot see is left to the engine, which refuses it (403)
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                chain.doFilter(replay, response);
                return;
            }
            Set<String> fields = schema.fields(taskId);
            if (fields == null) {
                ProblemWriter.write(response, 404, "no such task (it may just have been completed)", "taskId");
                return;
            }
            SubmissionCheck.Refusal refusal = SubmissionCheck.check(root, fields, SubmissionCheck.ValueChecker.WELL_FORMED);
            if (refusal != null) {
                ProblemWriter.write(response, refusal.status(), refusal.detail(), refusal.field());
                return;
            }
            chain.doFilter(replay, response);
        } finally {
            lock.unlock();
        }
    }
}
