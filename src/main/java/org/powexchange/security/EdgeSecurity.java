package org.powexchange.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge: one Spring Security filter chain in front of {@code /api}, {@code /engine-rest},
 * {@code /camunda/api}, the actuator and the API docs. In order: the firewall (every request of the
 * server: path parameters, encoded separators, double slashes and traversal refused with 400 before
 * anything routes them); HTTP Basic against the engine's users; the Tasklist/Cockpit session for
 * {@code /camunda/api/engine}; the authorization of every request by {@link AccessRules} (deny unless
 * a rule allows, so a refused call reaches nothing); the caller handed to the engine and to
 * {@link CurrentUser}. Behind it, servlet filters check what the request carries: {@link BodyLimits},
 * {@link EngineProblems}, {@link TaskCompletionGuard}, {@link ExternalTaskGuard}.
 */
@Configuration
@EnableWebSecurity
public class EdgeSecurity {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurity.class);

    /** The paths behind the edge, matched on the raw request URI (whichever servlet serves them). */
    static final List<String> EDGE = List.of("/api", "/engine-rest", "/camunda/api", "/actuator", "/v3/api-docs",
            "/swagger-ui.html", "/swagger-ui");

    static boolean under(HttpServletRequest request, String prefix) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    static final RequestMatcher BEHIND_THE_EDGE = r -> EDGE.stream().anyMatch(p -> under(r, p));
    static final RequestMatcher WEBAPP_API = r -> under(r, "/camunda/api");

    @Bean
    EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(IdentityService identity) {
        return new EngineIdentityAuthenticationProvider(identity);
    }

    @Bean
    SecurityFilterChain edge(HttpSecurity http, EngineIdentityAuthenticationProvider provider, IdentityService identity)
            throws Exception {
        http.securityMatcher(BEHIND_THE_EDGE)
                .authenticationProvider(provider)
                .httpBasic(b -> b.authenticationEntryPoint(EdgeSecurity::unauthorized))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                // the Camunda webapps keep their own CSRF filter for /camunda/api; the Basic-auth APIs refuse
                // a write from a foreign page (a browser that cached the credentials sends its Origin along)
                .csrf(c -> c.requireCsrfProtectionMatcher(EdgeSecurity::crossOriginWrite).ignoringRequestMatchers(WEBAPP_API))
                .addFilterAfter(new WebappSession(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().access(accessRules()))
                .exceptionHandling(e -> e.authenticationEntryPoint(EdgeSecurity::unauthorized)
                        .accessDeniedHandler((req, res, ex) -> {
                            if (under(req, "/camunda/api") && req.getAttribute(WebappSession.WEBAPP_CALLER) == null) {
                                // a Basic header is no sign-in to Tasklist or Cockpit
                                ProblemWriter.write(res, 401, "sign in to the web application first", null);
                            } else if (req.getAttribute(ALLOWED_METHODS) instanceof String allowed) {
                                res.setHeader("Allow", allowed);
                                ProblemWriter.write(res, 405, req.getMethod() + " is not a method of this resource for any "
                                        + "role; yours may use " + allowed, null);
                            } else {
                                ProblemWriter.write(res, 403, "this request is not among the capabilities of your role", null);
                            }
                        }))
                .addFilterAfter(new CallerToEngine(identity), AuthorizationFilter.class);
        return http.build();
    }

    /** The methods a refused caller may use on the path it called with another (for the 405's Allow header). */
    static final String ALLOWED_METHODS = "pow.allowedMethods";

    private static AuthorizationManager<RequestAuthorizationContext> accessRules() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            Authentication a = under(request, "/camunda/api")
                    ? (Authentication) request.getAttribute(WebappSession.WEBAPP_CALLER) : authentication.get();
            boolean signedIn = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
            List<String> groups = signedIn ? a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList() : List.of();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            AccessRules.Decision d = AccessRules.decide(request.getMethod(), path, groups, signedIn);
            if (!d.allowed() && d.rule() == null && signedIn && "api".equals(d.area())) {
                // a path of /api the caller may use with another method, and no role with this one: "method not
                // allowed", not "forbidden" (the engine's REST API has methods no role is given: those stay 403)
                java.util.Set<String> admitted = AccessRules.methodsAdmitted(path, groups, true);
                if (!admitted.isEmpty()) {
                    request.setAttribute(ALLOWED_METHODS, String.join(", ", admitted));
                }
            }
            if (!d.allowed() && signedIn) {
                log.info("refused {} {} for {} {} ({})", request.getMethod(), path, a.getName(), groups,
                        d.rule() == null ? "no rule" : "rule for other groups");
            }
            return new AuthorizationDecision(d.allowed());
        };
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException e) throws IOException {
        if (request.getAttribute(WebappSession.WEBAPP_CALLER) != null) {
            // signed in to Tasklist/Cockpit (Spring's own context stays anonymous there): refused, not unknown
            ProblemWriter.write(response, 403, "this request is not among the capabilities of your role", null);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"pow-exchange\"");
        ProblemWriter.write(response, 401, "valid credentials are required (HTTP Basic)", null);
    }

    /** A write whose Origin (or Referer) is another site: CSRF protection applies, and refuses it (403). */
    static boolean crossOriginWrite(HttpServletRequest request) {
        if (Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod().toUpperCase())) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false; // not a browser page: a client of the API
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeader("Host");
            return o.getAuthority() == null || host == null || !o.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Spring's strict firewall, for every request of the server. */
    @Bean
    HttpFirewall strictFirewall() {
        StrictHttpFirewall f = new StrictHttpFirewall();
        f.setAllowSemicolon(false);
        f.setAllowUrlEncodedSlash(false);
        f.setAllowUrlEncodedDoubleSlash(false);
        f.setAllowUrlEncodedPercent(false);
        f.setAllowBackSlash(false);
        f.setAllowUrlEncodedPeriod(false);
        f.setAllowNull(false);
        return f;
    }

    @Bean
    RequestRejectedHandler firewallRefusal() {
        return (request, response, e) -> ProblemWriter.write(response, 400,
                "the request's URL is not in normal form (path parameters, encoded separators and double slashes are refused)",
                "path");
    }

    /**
     * The firewall first of all, before any filter parses the path (Spring's request-path parsing in front
     * of the security chain fails on a path parameter inside a servlet's prefix, e.g. {@code /engine-rest;x=1/job}).
     */
    @Bean
    FilterRegistrationBean<Filter> firewallFirst(HttpFirewall firewall, RequestRejectedHandler refusal) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    firewall.getFirewalledRequest(request);
                } catch (org.springframework.security.web.firewall.RequestRejectedException e) {
                    refusal.handle(request, response, e);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        reg.setName("firewall-first");
        reg.addUrlPatterns("/*");
        reg.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return reg;
    }

    /** Tomcat hands encoded slashes to the firewall (which refuses them) rather than answering with its own page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return f -> f.addConnectorCustomizers(c -> {
            c.setEncodedSolidusHandling("passthrough");
            c.setEncodedReverseSolidusHandling("passthrough");
        });
    }

    // ---- behind the chain: what the requests carry (servlet filters, after Spring Security's) ----

    @Bean
    FilterRegistrationBean<Filter> bodyLimits(@Value("${powexchange.max-json-body:1MB}") DataSize max,
            @Value("${spring.servlet.multipart.max-request-size:5MB}") DataSize multipart) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new BodyLimits(max.toBytes(), multipart.toBytes()));
        reg.setName("body-limits");
        reg.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*");
        reg.setOrder(5);
        return reg;
    }

    @Bean
    FilterRegistrationBean<Filter> engineProblems(TaskService tasks) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new EngineProblems(tasks));
        reg.setName("engine-problems");
        reg.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        reg.setOrder(15);
        return reg;
    }

    @Bean
    FilterRegistrationBean<Filter> taskCompletionGuard(TaskService tasks, FormService forms, IdentityService identity) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(
                new TaskCompletionGuard(tasks, new FormSchema(tasks, forms, identity), identity));
        reg.setName("task-completion-guard");
        reg.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        reg.setOrder(20);
        return reg;
    }

    @Bean
    FilterRegistrationBean<Filter> externalTaskGuard(ExternalTaskService externalTasks, IdentityService identity,
            @Value("${powexchange.security.neutral-party.topics:neutral-verification}") Set<String> topics,
            @Value("${powexchange.security.neutral-party.fetchable-variables:exchangeId,verificationRound}") Set<String> fetchable,
            @Value("${powexchange.security.neutral-party.results-variable:verificationResults}") String results) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(
                new ExternalTaskGuard(externalTasks, identity, topics, fetchable, results));
        reg.setName("external-task-guard");
        reg.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        reg.setOrder(21);
        return reg;
    }

    /**
     * Tasklist and Cockpit sign in with their own session: for their engine API the caller is the session's
     * user, whatever else the request carries; without a session the webapp answers 401 itself.
     */
    static final class WebappSession extends OncePerRequestFilter {
        static final String WEBAPP_CALLER = WebappSession.class.getName() + ".caller";

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/camunda/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication caller = null;
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (auths != null) {
                for (org.camunda.bpm.webapp.impl.security.auth.Authentication a : auths.getAuthentications()) {
                    if (a instanceof UserAuthentication u) {
                        Collection<String> groups = u.getGroupIds() == null ? List.of() : u.getGroupIds();
                        caller = UsernamePasswordAuthenticationToken.authenticated(u.getIdentityId(), null,
                                groups.stream().map(SimpleGrantedAuthority::new).toList());
                    }
                }
            }
            // read by the access decision; Spring's security context is left alone, so nothing of Spring
            // Security touches the webapp's session
            request.setAttribute(WEBAPP_CALLER, caller);
            chain.doFilter(request, response);
        }
    }

    /**
     * The authenticated caller of {@code /engine-rest} is the engine's current user for the request (its
     * authorizations apply); the caller of {@code /api} is {@link CurrentUser} (the application's services
     * run as the system, checking the caller's group themselves).
     */
    static final class CallerToEngine extends OncePerRequestFilter {
        private final IdentityService identity;

        CallerToEngine(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() || path.startsWith("/camunda/")) {
                chain.doFilter(request, response);
                return;
            }
            List<String> groups = a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            boolean engine = AccessRules.enginePath(path) != null;
            if (engine) {
                identity.setAuthentication(a.getName(), groups);
            } else {
                CurrentUser.set(new CurrentUser.Caller(a.getName(), groups));
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (engine) {
                    identity.clearAuthentication();
                } else {
                    CurrentUser.clear();
                }
            }
        }
    }
}
