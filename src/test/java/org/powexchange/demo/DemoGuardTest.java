package org.powexchange.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses to start with the demo's simulated neutral party switched on. */
@UnitTest
class DemoGuardTest {

    private static MockEnvironment env(String simulated, String... profiles) {
        MockEnvironment env = new MockEnvironment();
        if (simulated != null) {
            env.setProperty("powexchange.demo.simulated-neutral-party.enabled", simulated);
        }
        env.setActiveProfiles(profiles);
        return env;
    }

    @Test
    void prodRefusesTheSimulatedNeutralParty() {
        assertThatThrownBy(() -> new DemoGuard(env("true", "prod", "postgres")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulated neutral party");
    }

    @Test
    void prodStartsWithItOffOrUnset() {
        assertThatCode(() -> new DemoGuard(env("false", "prod"))).doesNotThrowAnyException();
        assertThatCode(() -> new DemoGuard(env(null, "prod"))).doesNotThrowAnyException();
    }

    @Test
    void theDemoAndOtherProfilesMayRunIt() {
        assertThatCode(() -> new DemoGuard(env("true"))).doesNotThrowAnyException();
        assertThatCode(() -> new DemoGuard(env("true", "postgres"))).doesNotThrowAnyException();
    }
}
