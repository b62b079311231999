package org.powexchange.review;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The review deadlines as the model reads them ({@code ${reviewDeadlines.dueDuration()}}), so a timer
 * never depends on a process variable that might be missing.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

    private final ReviewSettings settings;

    public ReviewDeadlines(ReviewSettings settings) {
        this.settings = settings;
    }

    /** ISO duration of the overdue timer. */
    public String dueDuration() {
        return settings.due().toString();
    }

    /** ISO duration of the reminder timer: the reminder goes out this long before the deadline. */
    public String reminderDuration() {
        return settings.due().minus(settings.reminderBefore()).toString();
    }

    /** Due date of a review task created now (Tasklist shows and sorts by it). */
    public Date dueDate() {
        return Date.from(Instant.now().plus(settings.due()));
    }

    /** Follow-up date of a review task created now: when the reminder goes out. */
    public Date followUpDate() {
        return Date.from(Instant.now().plus(settings.due().minus(settings.reminderBefore())));
    }
}
