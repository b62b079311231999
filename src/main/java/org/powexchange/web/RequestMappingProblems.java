package org.powexchange.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A wrong content type or method: refused while Spring looks for the endpoint, before one is chosen, so only an
 * advice without a package filter sees it ({@link ApiProblems} covers the project's own endpoints); first in
 * order, so that {@link ApiProblems}' catch-all never answers 500 for a body Spring could not read either.
 * Problem documents as everywhere else, saying what is accepted.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestMappingProblems {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        String accepted = e.getSupportedMediaTypes().isEmpty() ? ""
                : "; send " + String.join(" or ", e.getSupportedMediaTypes().stream().map(Object::toString).toList());
        return ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "content type " + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not accepted here"
                        + accepted, "Content-Type", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here",
                null, null);
    }
}
