package org.powexchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.powexchange.security.DemoProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the first start seeds the demo, only the seed's own requests are served; the gate never stays shut. */
@UnitTest
class DemoSeedGateTest {

    private final DemoSeed seed = new DemoSeed(null, null, new ObjectMapper(), new DemoProperties(true, List.of()),
            new MockEnvironment(), false);
    private final DemoSeedGate gate = new DemoSeedGate(seed);

    private MockHttpServletResponse call(String gateHeader, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/exchanges");
        if (gateHeader != null) {
            request.addHeader(DemoSeed.GATE_HEADER, gateHeader);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, chain);
        return response;
    }

    @Test
    void whileSeedingOthersAreAskedToRetryAndNothingRuns() throws Exception {
        seed.closeGate(DemoSeed.GATE_AT_MOST);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse r = call(null, chain);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeader("Retry-After")).isEqualTo("2");
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(r.getContentAsString()).contains("\"status\":503").contains("demo exchanges are being seeded");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
        // a guessed token is no way in
        MockFilterChain guessed = new MockFilterChain();
        assertThat(call("00000000-0000-0000-0000-000000000000", guessed).getStatus()).isEqualTo(503);
        assertThat(guessed.getRequest()).isNull();
    }

    @Test
    void theSeedsOwnRequestsPass() throws Exception {
        seed.closeGate(DemoSeed.GATE_AT_MOST);
        MockFilterChain chain = new MockFilterChain();
        assertThat(call(seed.gateToken(), chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void openWhenTheSeedIsDoneOrAfterItsTimeAtMost() throws Exception {
        seed.closeGate(DemoSeed.GATE_AT_MOST);
        seed.openGate();
        MockFilterChain done = new MockFilterChain();
        call(null, done);
        assertThat(done.getRequest()).isNotNull();

        seed.closeGate(Duration.ZERO); // its time is up: a seed that cannot go on never keeps the application shut
        MockFilterChain expired = new MockFilterChain();
        call(null, expired);
        assertThat(expired.getRequest()).isNotNull();
        assertThat(DemoSeed.GATE_AT_MOST).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void openWhenNothingIsSeeded() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        call(null, chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
