package org.powexchange.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Verification settings: how long the neutral party has per round, and the demo's simulated neutral
 * party (built on the official external task client, calling this application's own /engine-rest).
 */
@ConfigurationProperties("powexchange.verification")
public record VerificationProperties(Duration deadline, Simulation simulatedNeutralParty) {

    /**
     * Outcome rates are fractions of the people verified; whatever remains is VERIFIED.
     * {@code baseUrl} defaults to this application's own engine REST API.
     */
    public record Simulation(boolean enabled, String baseUrl, String user, String password, Long seed,
                             Duration lockDuration, double consentRefused, double notFound, double deceased,
                             double unfitEscort, double unfitHold, double identityMismatch) {
    }

    public VerificationProperties {
        deadline = deadline == null ? Duration.ofDays(3) : deadline;
        simulatedNeutralParty = simulatedNeutralParty == null
                ? new Simulation(false, null, "icrc", null, null, null, 0, 0, 0, 0, 0, 0)
                : simulatedNeutralParty;
    }
}
