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

    public RequestSizeLimit(long maxBody, long maxMultipart) {
        this.maxBody = maxBody;
        this.maxMultipart = maxMultipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        // uploaded source files (multipart or a CSV body) may be larger than a JSON request
        boolean file = type.startsWith("multipart/") || type.startsWith("text/csv");
        long limit = file ? maxMultipart : maxBody;
        if (request.getContentLengthLong() > limit) {
            TaskCompletionGuard.problem(response, 413, "the request body exceeds " + limit + " bytes",
                    file ? "file" : "body");
            return;
        }
        chain.doFilter(request, response);
    }
}
