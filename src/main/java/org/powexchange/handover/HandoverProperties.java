package org.powexchange.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations and policy of the phased handover.
 *
 * @param firstPhaseDue  phase 1 is due this long after ratification (default 48 hours)
 * @param phaseInterval  each later phase is due this long after the one before (default 1 day)
 * @param deadlineWarning the Coordination Staff is warned this long after the phase's clock starts
 *                       (default 36 hours); later phases are warned the same time ahead of their due time
 *                       ({@code firstPhaseDue - deadlineWarning}, 12 hours with the defaults)
 * @param shortfallPolicy what happens when the other side delivers fewer than we hand over in a phase:
 *                       {@code HOLD_BACK} (default) holds back as many of ours, never an art. 109 person;
 *                       {@code ESCALATE} lets everyone ready cross and opens the discrepancy review
 */
@ConfigurationProperties("powexchange")
public record HandoverProperties(Duration firstPhaseDue, Duration phaseInterval, Duration deadlineWarning,
                                 ShortfallPolicy shortfallPolicy) {

    public enum ShortfallPolicy { HOLD_BACK, ESCALATE }

    public HandoverProperties {
        firstPhaseDue = firstPhaseDue == null ? Duration.ofHours(48) : firstPhaseDue;
        phaseInterval = phaseInterval == null ? Duration.ofDays(1) : phaseInterval;
        deadlineWarning = deadlineWarning == null ? Duration.ofHours(36) : deadlineWarning;
        shortfallPolicy = shortfallPolicy == null ? ShortfallPolicy.HOLD_BACK : shortfallPolicy;
        if (deadlineWarning.compareTo(firstPhaseDue) > 0) {
            throw new IllegalArgumentException("powexchange.deadline-warning must not be later than first-phase-due");
        }
    }

    /** How long before a phase's due time the warning fires. */
    public Duration warningLead() {
        return firstPhaseDue.minus(deadlineWarning);
    }
}
