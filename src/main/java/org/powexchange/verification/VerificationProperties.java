package org.powexchange.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Verification settings: how long the neutral party has per round. (The demo's simulated neutral party
 * has its own settings in the demo package.)
 */
@ConfigurationProperties("powexchange.verification")
public record VerificationProperties(Duration deadline) {

    public VerificationProperties {
        deadline = deadline == null ? Duration.ofDays(3) : deadline;
    }
}
