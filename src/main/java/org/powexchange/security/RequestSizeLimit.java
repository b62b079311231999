package org.powexchange.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversize bodies before anything reads them: 413 problem document when the declared length
 * exceeds the limit for JSON (and other) bodies or for multipart uploads.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxMultipart;

    /** Source files posted as raw bodies: their endpoint reads at most its own limit and answers 413 for the file. */
    private static final java.util.regex.Pattern OWN_LIMIT = java.util.regex.Pattern.compile("^/api/exchanges/[^/]+/sources/[^/]+/?$");

    public RequestSizeLimit(long maxBody, long maxMultipart) {
        this.maxBody = maxBody;
        this.maxMultipart = maxMultipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxMultipart : maxBody;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getContentLengthLong() > limit && !OWN_LIMIT.matcher(path).matches()) {
            TaskCompletionGuard.problem(response, 413, "the request body exceeds " + limit + " bytes", "body");
            return;
        }
        chain.doFilter(request, response);
    }
}
