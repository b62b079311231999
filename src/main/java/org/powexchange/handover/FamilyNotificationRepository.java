package org.powexchange.handover;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Ombudsman's notices to families (family_notification, family_contact_attempt), and the relatives'
 * contacts read from the family appeals (drafting's source_record, read only).
 */
@Repository
public class FamilyNotificationRepository {

    /** One family to tell about one person in one phase, and where the telling stands. */
    public record Notice(long id, long personId, int phaseNo, String reason, String reasonText, String status,
                         int attempts, String comment, String notifiedBy, OffsetDateTime notifiedAt) {
    }

    /** What a family appeal gives for notifying: the appeal, the relative (when the source names one), the contact. */
    public record Contact(String appealRef, String relativeName, String relation, String contact) {
    }

    private final JdbcClient jdbc;

    public FamilyNotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a notice unless the person already has one for this phase; true when opened. */
    public boolean open(UUID exchangeId, long personId, int phaseNo, String reason, String reasonText) {
        int exists = jdbc.sql("select count(*) from family_notification where exchange_id = ? and person_id = ? and phase_no = ?")
                .params(exchangeId, personId, phaseNo).query(Integer.class).single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("insert into family_notification (exchange_id, person_id, phase_no, reason, reason_text, status, attempts, "
                        + "created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?)")
                .params(exchangeId, personId, phaseNo, reason, cut(reasonText, 2000), OffsetDateTime.now()).update();
        return true;
    }

    public List<Notice> notices(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from family_notification where exchange_id = ? and phase_no = ? order by person_id")
                .params(exchangeId, phaseNo).query(FamilyNotificationRepository::map).list();
    }

    /** The notices still to be answered: never tried, or tried and not reached. */
    public List<Notice> outstanding(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from family_notification where exchange_id = ? and phase_no = ? "
                        + "and status in ('PENDING', 'UNREACHED') order by person_id")
                .params(exchangeId, phaseNo).query(FamilyNotificationRepository::map).list();
    }

    /** Records one attempt and its outcome on the notice. */
    public void attempt(Notice n, String outcome, String note, String actor, OffsetDateTime at) {
        int attemptNo = n.attempts() + 1;
        jdbc.sql("update family_notification set status = ?, attempts = ?, comment_text = ?, notified_by = ?, notified_at = ? "
                        + "where id = ?")
                .params(outcome, attemptNo, note, actor, "REACHED".equals(outcome) ? at : null, n.id()).update();
        jdbc.sql("insert into family_contact_attempt (notification_id, attempt_no, outcome, note, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(n.id(), attemptNo, outcome, note, actor, at).update();
    }

    /**
     * The relatives' contacts from the family appeals joined to these people. Read defensively: the contact
     * is kept as written (any form, possibly neither phone nor e-mail); a relative's name and relation are
     * shown only where the appeal source has such columns.
     */
    public Map<Long, List<Contact>> contacts(UUID exchangeId, Collection<Long> personIds) {
        Map<Long, List<Contact>> out = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new HashSet<>(personIds);
        jdbc.sql("select s.*, l.person_id from source_record s join record_link l on l.record_id = s.id "
                        + "where s.exchange_id = ? and s.source = 'FAMILY_APPEALS' order by l.person_id, s.source_ref")
                .param(exchangeId)
                .query(rs -> {
                    long personId = rs.getLong("person_id");
                    if (!wanted.contains(personId)) {
                        return;
                    }
                    Set<String> cols = columns(rs.getMetaData());
                    Contact c = new Contact(rs.getString("source_ref"), text(rs, cols, "relative_name"),
                            text(rs, cols, "relative_relation", "relation"),
                            text(rs, cols, "relative_contact", "relative_phone", "relative_email"));
                    out.computeIfAbsent(personId, k -> new ArrayList<>()).add(c);
                });
        return out;
    }

    /** Outcomes per person of a phase, for reports and tests: person id to status. */
    public Map<Long, String> outcomes(UUID exchangeId, int phaseNo) {
        Map<Long, String> out = new LinkedHashMap<>();
        notices(exchangeId, phaseNo).forEach(n -> out.put(n.personId(), n.status()));
        return out;
    }

    private static Set<String> columns(ResultSetMetaData md) throws SQLException {
        Set<String> cols = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return cols;
    }

    /** The first non-blank of the named columns that exist, else null. */
    private static String text(ResultSet rs, Set<String> cols, String... names) throws SQLException {
        for (String name : names) {
            if (cols.contains(name)) {
                String v = rs.getString(name);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    private static Notice map(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getLong("person_id"), rs.getInt("phase_no"), rs.getString("reason"),
                rs.getString("reason_text"), rs.getString("status"), rs.getInt("attempts"), rs.getString("comment_text"),
                rs.getString("notified_by"), rs.getObject("notified_at", OffsetDateTime.class));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
