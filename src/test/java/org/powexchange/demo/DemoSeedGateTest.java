package org.powexchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.powexchange.security.DemoProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the first start seeds the demo, other requests wait for it; the seed's own pass; the gate never stays shut. */
@UnitTest
class DemoSeedGateTest {

    private final DemoSeed seed = new DemoSeed(null, null, new ObjectMapper(), new DemoProperties(true, List.of()),
            new MockEnvironment(), false);
    private final DemoSeedGate gate = new DemoSeedGate(seed);
    /** Threads of its own: the common pool may have one thread only on two cores, and a held request blocks it. */
    private final java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);

    @org.junit.jupiter.api.AfterEach
    void stopClients() {
        seed.openGate();
        clients.shutdownNow();
    }

    /** Runs a request through the gate on another thread; the future holds the chain once the request got through. */
    private CompletableFuture<MockFilterChain> request(String gateHeader) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/exchanges");
            if (gateHeader != null) {
                request.addHeader(DemoSeed.GATE_HEADER, gateHeader);
            }
            MockFilterChain chain = new MockFilterChain();
            try {
                gate.doFilter(request, new MockHttpServletResponse(), chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return chain;
        }, clients);
    }

    @Test
    void whileSeedingAnotherRequestWaitsAndGoesOnWhenTheSeedIsDone() throws Exception {
        seed.closeGate(DemoSeed.GATE_AT_MOST);
        CompletableFuture<MockFilterChain> official = request(null);
        CompletableFuture<MockFilterChain> guessed = request("00000000-0000-0000-0000-000000000000");
        Thread.sleep(300);
        assertThat(official).as("held while the seed runs").isNotDone();
        assertThat(guessed).as("a guessed token is no way through").isNotDone();
        seed.openGate();
        assertThat(official.get(5, TimeUnit.SECONDS).getRequest()).as("served once the seed is done").isNotNull();
        assertThat(guessed.get(5, TimeUnit.SECONDS).getRequest()).isNotNull();
    }

    @Test
    void theSeedsOwnRequestsPassAtOnce() throws Exception {
        seed.closeGate(DemoSeed.GATE_AT_MOST);
        assertThat(request(seed.gateToken()).get(2, TimeUnit.SECONDS).getRequest()).isNotNull();
    }

    @Test
    void aSeedThatCannotGoOnHoldsNobodyLongerThanItsTime() throws Exception {
        seed.closeGate(Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(request(null).get(5, TimeUnit.SECONDS).getRequest()).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(DemoSeed.GATE_AT_MOST).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void openWhenNothingIsSeeded() throws Exception {
        assertThat(request(null).get(2, TimeUnit.SECONDS).getRequest()).isNotNull();
    }
}
