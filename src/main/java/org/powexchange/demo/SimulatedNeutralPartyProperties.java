package org.powexchange.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's simulated neutral party: who it logs in as and how often each outcome occurs. Outcome
 * rates are fractions of the people verified; whatever remains is VERIFIED. {@code baseUrl} defaults
 * to this application's own engine REST API.
 */
@ConfigurationProperties(SimulatedNeutralPartyProperties.PREFIX)
public record SimulatedNeutralPartyProperties(boolean enabled, String baseUrl, String user, String password,
                                              Long seed, Duration lockDuration, double consentRefused,
                                              double notFound, double deceased, double unfitEscort,
                                              double unfitHold, double identityMismatch) {

    public static final String PREFIX = "powexchange.demo.simulated-neutral-party";
    public static final String ENABLED = PREFIX + ".enabled";

    public SimulatedNeutralPartyProperties {
        user = user == null ? "icrc" : user;
    }
}
