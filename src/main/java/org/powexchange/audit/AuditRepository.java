package org.powexchange.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code audit_event}; only the audit package writes it, every stage through {@link AuditLog}. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID exchangeId, OffsetDateTime occurredAt, String actor, String action, String subject,
                       String detail) {
        jdbc.sql("insert into audit_event (exchange_id, occurred_at, actor, action, subject, detail) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, occurredAt, actor, action, subject, detail)
                .update();
    }

    public List<AuditLog.Event> forExchange(UUID exchangeId) {
        return jdbc.sql("select * from audit_event where exchange_id = ? order by occurred_at, id")
                .param(exchangeId)
                .query((rs, n) -> new AuditLog.Event(rs.getLong("id"), rs.getObject("exchange_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
