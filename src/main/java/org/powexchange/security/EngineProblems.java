package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine REST API's error answers ({@code {"type": "<exception class>", "message": ...}}) rewritten as
 * problem documents without class names, for {@code /engine-rest} and Tasklist's engine API alike; and
 * the engine's 500s that are not the server's fault mapped to what they are: a refused form value (400
 * naming the field), a refused variable type (400), a concurrent change or a task completed meanwhile
 * by another request (409).
 */
public class EngineProblems extends OncePerRequestFilter {

    /** set by {@link TaskCompletionGuard}: the task a completion request is about */
    static final String COMPLETING = EngineProblems.class.getName() + ".task";

    private static final Logger log = LoggerFactory.getLogger(EngineProblems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;

    public EngineProblems(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // a long poll answers asynchronously, after this filter has returned: a cached response would go out empty
        return AccessRules.enginePath(path) == null || path.endsWith("/external-task/fetchAndLock");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        EngineFailureCapture.clear();
        try {
            chain.doFilter(request, wrapped);
            int status = wrapped.getStatus();
            EngineFailureCapture.Failure failure = EngineFailureCapture.take();
            if (status >= 400) {
                rewrite(request, wrapped, status, failure);
            }
        } finally {
            EngineFailureCapture.clear();
            wrapped.copyBodyToResponse();
        }
    }

    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper wrapped, int status,
                         EngineFailureCapture.Failure failure) throws IOException {
        JsonNode error = null;
        try {
            byte[] body = wrapped.getContentAsByteArray();
            error = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            // not JSON (an HTML error page): replaced below
        }
        if (error != null && error.has("status") && error.has("title")) {
            return; // already a problem document (the edge's own)
        }
        String message = error != null && error.hasNonNull("message") ? error.get("message").asText() : null;
        if (status >= 500 && failure != null) {
            switch (failure.kind()) {
                case FIELD -> ProblemWriter.write(wrapped, 400, failure.message(), failure.field());
                case CLIENT -> ProblemWriter.write(wrapped, 400, failure.message(), null);
                case CONFLICT -> ProblemWriter.write(wrapped, 409, "the request met a concurrent change and was "
                        + "rolled back whole; nothing of it was stored - reload and send it again", null);
            }
            return;
        }
        Object task = request.getAttribute(COMPLETING);
        if (status >= 500 && task instanceof String taskId && !completable(taskId)) {
            ProblemWriter.write(wrapped, 409, "the task was completed by another request at the same moment", "taskId");
            return;
        }
        if (status >= 500) {
            log.error("engine request {} {} failed: {}", request.getMethod(), request.getRequestURI(), message);
            ProblemWriter.write(wrapped, 500, "the request could not be carried out; the error has been logged", null);
            return;
        }
        ProblemWriter.write(wrapped, status, message == null ? "the request was refused" : message, null);
    }

    private boolean completable(String taskId) {
        try {
            return tasks.createTaskQuery().taskId(taskId).count() > 0;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
