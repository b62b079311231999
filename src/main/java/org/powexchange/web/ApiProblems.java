package org.powexchange.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.powexchange.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of {@code /api} is a problem document (RFC 9457) that names the field at fault;
 * nothing leaks a stack trace.
 */
@RestControllerAdvice(basePackages = "org.powexchange")
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A service's refusal (or the edge's own {@link ApiException}): its kind decides the status. */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        return problem(e instanceof ApiException a ? a.status() : ApiException.statusOf(e.kind()), e.getMessage(),
                e.field(), null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String first = errors.isEmpty() ? null : errors.get(0).get("field");
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, detail, first, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail violation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        String first = errors.isEmpty() ? null : errors.get(0).get("field");
        return problem(HttpStatus.BAD_REQUEST, errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .collect(Collectors.joining("; ")), first, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return problem(HttpStatus.BAD_REQUEST, "unknown field '" + u.getPropertyName() + "'", path(u), null);
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "field '" + path(m) + "' has a value of the wrong type or format",
                    path(m), null);
        }
        return problem(HttpStatus.BAD_REQUEST, "the request body is missing or is not valid JSON", "body", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' has an invalid value", e.getName(), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParam(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required",
                e.getParameterName(), null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "part '" + e.getRequestPartName() + "' is required",
                e.getRequestPartName(), null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "the upload exceeds the size limit", "file", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "no such resource", null, null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "a record with the same key already exists", null, null);
    }

    /**
     * Two requests changed the same exchange at the same moment (e.g. the neutral party posting results
     * while its worker completes the same round): the engine's optimistic locking refused this one and
     * its transaction was rolled back whole. The caller may simply send it again.
     */
    @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("request refused after a concurrent change: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "the exchange was changed by another request at the same moment; "
                + "nothing of this request was stored - send it again", null, null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // the engine wraps what its listeners and the database threw: a concurrent change or a unique key
        // taken meanwhile is a conflict (409), never a server error
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
                    || t instanceof org.springframework.dao.OptimisticLockingFailureException) {
                return concurrentChange((RuntimeException) t);
            }
            if (t instanceof DuplicateKeyException || t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                log.info("request refused after a unique-key conflict: {}", t.getMessage());
                return problem(HttpStatus.CONFLICT, "a record with the same key was stored by another request at the same "
                        + "moment; nothing of this request was stored", null, null);
            }
        }
        log.error("unexpected failure in /api", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", null, null);
    }

    static ProblemDetail problem(HttpStatus status, String detail, String field, List<Map<String, String>> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("about:blank"));
        if (field != null) {
            p.setProperty("field", field);
        }
        if (errors != null && !errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return p;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String lastNode(String path) {
        int i = path.indexOf('.');
        return i >= 0 ? path.substring(i + 1) : path;
    }
}
