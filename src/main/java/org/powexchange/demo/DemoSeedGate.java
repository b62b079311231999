package org.powexchange.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Demo only: while the first start seeds its demo exchanges ({@link DemoSeed#GATE_AT_MOST} at most), answers every
 * request but the seed's own 503 with Retry-After, before authentication or anything else runs.
 */
@Component
@ConditionalOnProperty(name = "powexchange.demo.seed.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoSeedGate extends OncePerRequestFilter {

    private final DemoSeed seed;

    public DemoSeedGate(DemoSeed seed) {
        this.seed = seed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (seed.admits(request.getHeader(DemoSeed.GATE_HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Starting\",\"status\":503,\"detail\":"
                + "\"first start: the demo exchanges are being seeded (a few seconds); retry then\"}");
    }
}
