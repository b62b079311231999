package org.powexchange.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of {@code /api} against the engine's users (so one set of users serves
 * Tasklist, the engine REST API and the application's API). Answers 401 with a problem document.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final String requiredGroup;
    private final java.util.Set<String> publicPaths;

    public ApiAuthenticationFilter(IdentityService identityService) {
        this(identityService, null, java.util.Set.of());
    }

    /**
     * @param requiredGroup a group the caller must belong to (403 otherwise), or null for any user
     * @param publicPaths   paths answered without credentials (such as the bare health status)
     */
    public ApiAuthenticationFilter(IdentityService identityService, String requiredGroup, java.util.Set<String> publicPaths) {
        this.identityService = identityService;
        this.requiredGroup = requiredGroup;
        this.publicPaths = publicPaths;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (publicPaths.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials = basic(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            unauthorized(response);
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
                .map(Group::getId).toList();
        if (requiredGroup != null && !groups.contains(requiredGroup)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"reserved to administrators\"}");
            return;
        }
        CurrentUser.set(new CurrentUser.Caller(credentials[0], groups));
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentUser.clear();
        }
    }

    static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"pow-exchange\"");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"valid credentials are required (HTTP Basic)\"}");
    }
}
