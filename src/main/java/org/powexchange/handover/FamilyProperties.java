package org.powexchange.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ombudsman's notification of the families.
 *
 * @param retryAfter families not reached come back to the Ombudsman this long after the attempt (default 24 hours)
 */
@ConfigurationProperties("powexchange.families")
public record FamilyProperties(Duration retryAfter) {

    public FamilyProperties {
        retryAfter = retryAfter == null ? Duration.ofHours(24) : retryAfter;
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("powexchange.families.retry-after must be positive");
        }
    }
}
