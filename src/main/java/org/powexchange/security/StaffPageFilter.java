package org.powexchange.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Staff's board ({@code /board}, {@code /board/*}): for the Coordination Staff and administrators only.
 * The caller is the user signed in to Tasklist or Cockpit (the Camunda webapp session, so the board opens
 * from Tasklist's header without a second login) or, for scripts, HTTP Basic. Nobody signed in: a page
 * request goes to Tasklist's login, a data request gets 401; anyone else gets 403.
 */
public class StaffPageFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    private final IdentityService identityService;

    public StaffPageFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = null;
        List<String> groups = List.of();
        HttpSession session = request.getSession(false);
        Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (auths != null && auths.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication ua) {
            user = ua.getName();
            groups = ua.getGroupIds() == null ? List.of() : ua.getGroupIds();
        } else {
            String[] basic = basic(request.getHeader("Authorization"));
            if (basic != null && identityService.checkPassword(basic[0], basic[1])) {
                user = basic[0];
                groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            }
        }
        boolean page = !request.getRequestURI().contains("/board/api/");
        if (user == null) {
            if (page) {
                // sign in where officials already do; the board is linked from Tasklist's header
                response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/");
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"pow-exchange\"");
                ProblemWriter.write(response, 401, "valid credentials are required (HTTP Basic or a Tasklist sign-in)", null);
            }
            return;
        }
        if (!groups.contains(Groups.COORDINATION_STAFF) && !groups.contains(Groups.ADMIN)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            if (page) {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!doctype html><html lang=\"en\"><head><title>Forbidden</title></head>"
                        + "<body><h1>403 – Forbidden</h1><p>The exchange board is for the Coordination Staff on "
                        + "POW Affairs and administrators only.</p><p><a href=\"/camunda/app/tasklist/\">Back to "
                        + "Tasklist</a></p></body></html>");
            } else {
                ProblemWriter.write(response, 403, "the board is reserved to coordination-staff and camunda-admin", null);
            }
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /** User and password of an HTTP Basic header, or null. */
    static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Registered for {@code /board} and {@code /board/*}, which lie outside the API edge's filter chain. */
    @org.springframework.context.annotation.Configuration
    static class Registration {
        @org.springframework.context.annotation.Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> boardAuthentication(
                IdentityService identityService) {
            var reg = new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>(
                    new StaffPageFilter(identityService));
            reg.setName("board-authentication");
            reg.addUrlPatterns("/board", "/board/*");
            reg.setOrder(10);
            return reg;
        }
    }
}
