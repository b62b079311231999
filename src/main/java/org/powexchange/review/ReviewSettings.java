package org.powexchange.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Deadlines of the agency reviews: due after {@code due}, reminded {@code reminderBefore} the deadline. */
@ConfigurationProperties("powexchange.review")
public record ReviewSettings(@DefaultValue("PT12H") Duration due, @DefaultValue("PT2H") Duration reminderBefore) {

    public ReviewSettings {
        if (due.isNegative() || due.isZero()) {
            throw new IllegalArgumentException("powexchange.review.due must be positive");
        }
        if (reminderBefore.isNegative() || reminderBefore.compareTo(due) >= 0) {
            throw new IllegalArgumentException("powexchange.review.reminder-before must be shorter than the due time");
        }
    }
}
