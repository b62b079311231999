package org.powexchange.demo;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the "prod" profile the application refuses to start while a demo feature of this package is
 * switched on: a simulated neutral party would verify real people with invented outcomes.
 */
@Component
public class DemoGuard {

    public DemoGuard(Environment env) {
        if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (env.getProperty(SimulatedNeutralPartyProperties.ENABLED, Boolean.class, false)) {
            throw new IllegalStateException("prod profile: the simulated neutral party is switched on ("
                    + SimulatedNeutralPartyProperties.ENABLED + "=true); it is for the demo only");
        }
    }
}
