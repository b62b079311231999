package org.powexchange.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of decisions: who did what to which exchange, when and why. Written in the caller's transaction. */
@Component
public class AuditLog {

    // named apart from the other records called alike in /v3/api-docs
    @Schema(name = "AuditEvent")
    public record Event(long id, UUID exchangeId, OffsetDateTime occurredAt, String actor, String action,
                        String subject, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID exchangeId, String actor, String action, String subject, String detail) {
        jdbc.sql("insert into audit_event (exchange_id, occurred_at, actor, action, subject, detail) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, OffsetDateTime.now(), actor, action, subject, truncate(detail))
                .update();
    }

    public List<Event> forExchange(UUID exchangeId) {
        return jdbc.sql("select * from audit_event where exchange_id = ? order by occurred_at, id")
                .param(exchangeId)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getObject("exchange_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
