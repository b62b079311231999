package org.powexchange.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The record of decisions: who did what to which exchange, when and why. Written in the caller's transaction. */
@Component
public class AuditLog {

    // named apart from the other records called alike in /v3/api-docs
    @Schema(name = "AuditEvent")
    public record Event(long id, UUID exchangeId, OffsetDateTime occurredAt, String actor, String action,
                        String subject, String detail) {
    }

    private final AuditRepository events;

    public AuditLog(AuditRepository events) {
        this.events = events;
    }

    public void record(UUID exchangeId, String actor, String action, String subject, String detail) {
        events.insert(exchangeId, OffsetDateTime.now(), actor, action, subject, truncate(detail));
    }

    public List<Event> forExchange(UUID exchangeId) {
        return events.forExchange(exchangeId);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
