package org.powexchange.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations of the phase plan: phase 1 is due {@code firstPhaseDue} after ratification (default 48 hours),
 * each later phase {@code phaseInterval} after the one before.
 */
@ConfigurationProperties("powexchange")
public record HandoverProperties(Duration firstPhaseDue, Duration phaseInterval) {

    public HandoverProperties {
        firstPhaseDue = firstPhaseDue == null ? Duration.ofHours(48) : firstPhaseDue;
        phaseInterval = phaseInterval == null ? Duration.ofDays(1) : phaseInterval;
    }
}
