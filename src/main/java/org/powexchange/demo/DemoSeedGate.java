package org.powexchange.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Demo only: while the first start seeds its demo exchanges, holds every request but the seed's own until the seed
 * is done ({@link DemoSeed#GATE_AT_MOST} at most), before authentication or anything else runs. A client that
 * starts right after start-up waits a few seconds once instead of meeting a half-seeded demo or an error.
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
        if (!seed.admits(request.getHeader(DemoSeed.GATE_HEADER))) {
            try {
                seed.awaitGate();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
