package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The handover's own records: confirmations, logistics, discrepancies, alerts, medical intake (families: FamilyNotificationRepository). */
@Repository
public class HandoverRepository {

    public record Confirmation(long personId, int phaseNo, boolean crossed, String confirmedBy, OffsetDateTime confirmedAt) {
    }

    public record Discrepancy(long id, int phaseNo, String kind, Long personId, String detail, String recordedBy,
                              OffsetDateTime recordedAt) {
    }

    public record Alert(int phaseNo, String kind, OffsetDateTime dueAt, String detail, String actor, OffsetDateTime occurredAt) {
    }

    public record Logistics(String agency, boolean transport, boolean escort, boolean medicalEscort, boolean documents,
                            boolean ready, String comment, String reportedBy, OffsetDateTime reportedAt) {
    }

    private final JdbcClient jdbc;

    public HandoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void confirmation(UUID exchangeId, int phaseNo, long personId, boolean crossed, String officer, OffsetDateTime at) {
        jdbc.sql("insert into handover_confirmation (exchange_id, phase_no, person_id, crossed, confirmed_by, confirmed_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, personId, crossed, officer, at).update();
    }

    public List<Confirmation> confirmations(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from handover_confirmation where exchange_id = ? and phase_no = ? order by person_id")
                .params(exchangeId, phaseNo)
                .query((rs, n) -> new Confirmation(rs.getLong("person_id"), rs.getInt("phase_no"), rs.getBoolean("crossed"),
                        rs.getString("confirmed_by"), rs.getObject("confirmed_at", OffsetDateTime.class)))
                .list();
    }

    public void discrepancy(UUID exchangeId, int phaseNo, String kind, Long personId, String detail, String actor) {
        jdbc.sql("insert into phase_discrepancy (exchange_id, phase_no, kind, person_id, detail, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, kind, personId, cut(detail), actor, OffsetDateTime.now()).update();
    }

    public List<Discrepancy> discrepancies(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from phase_discrepancy where exchange_id = ? and phase_no = ? order by id")
                .params(exchangeId, phaseNo)
                .query((rs, n) -> new Discrepancy(rs.getLong("id"), rs.getInt("phase_no"), rs.getString("kind"),
                        (Long) rs.getObject("person_id", Long.class), rs.getString("detail"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    public void alert(UUID exchangeId, int phaseNo, String kind, OffsetDateTime dueAt, String detail, String actor) {
        jdbc.sql("insert into phase_alert (exchange_id, phase_no, kind, due_at, detail, actor, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, kind, dueAt, cut(detail), actor, OffsetDateTime.now()).update();
    }

    public List<Alert> alerts(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from phase_alert where exchange_id = ? and phase_no = ? order by id")
                .params(exchangeId, phaseNo)
                .query((rs, n) -> new Alert(rs.getInt("phase_no"), rs.getString("kind"),
                        rs.getObject("due_at", OffsetDateTime.class), rs.getString("detail"), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }

    public void logistics(UUID exchangeId, int phaseNo, Logistics l) {
        jdbc.sql("delete from phase_logistics where exchange_id = ? and phase_no = ? and agency = ?")
                .params(exchangeId, phaseNo, l.agency()).update();
        jdbc.sql("insert into phase_logistics (exchange_id, phase_no, agency, transport_ready, escort_ready, "
                        + "medical_escort_ready, documents_ready, ready, comment_text, reported_by, reported_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, l.agency(), l.transport(), l.escort(), l.medicalEscort(), l.documents(),
                        l.ready(), cut(l.comment()), l.reportedBy(), l.reportedAt())
                .update();
    }

    public List<Logistics> logistics(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from phase_logistics where exchange_id = ? and phase_no = ? order by agency")
                .params(exchangeId, phaseNo)
                .query((rs, n) -> new Logistics(rs.getString("agency"), rs.getBoolean("transport_ready"),
                        rs.getBoolean("escort_ready"), rs.getBoolean("medical_escort_ready"),
                        rs.getBoolean("documents_ready"), rs.getBoolean("ready"), rs.getString("comment_text"),
                        rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class)))
                .list();
    }

    public void medicalIntake(UUID exchangeId, long personId, int phaseNo, String facility, String comment, String actor) {
        jdbc.sql("delete from medical_intake where exchange_id = ? and person_id = ?").params(exchangeId, personId).update();
        jdbc.sql("insert into medical_intake (exchange_id, person_id, phase_no, facility, comment_text, admitted_by, admitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(exchangeId, personId, phaseNo, facility, cut(comment), actor, OffsetDateTime.now()).update();
    }

    public Map<Long, String> medicalIntakes(UUID exchangeId, int phaseNo) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select person_id, facility from medical_intake where exchange_id = ? and phase_no = ? order by person_id")
                .params(exchangeId, phaseNo)
                .query(rs -> {
                    out.put(rs.getLong("person_id"), rs.getString("facility"));
                });
        return out;
    }

    /** The other side's manifest of a phase: who of ours they brought, recorded once before anyone crosses. */
    public void manifest(UUID exchangeId, int phaseNo, Collection<Long> brought, int theirShortfall, String actor) {
        jdbc.sql("insert into phase_manifest (exchange_id, phase_no, brought_count, their_shortfall, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, brought.size(), theirShortfall, actor, OffsetDateTime.now()).update();
        for (Long id : brought) {
            jdbc.sql("insert into phase_manifest_person (exchange_id, phase_no, person_id) values (?, ?, ?)")
                    .params(exchangeId, phaseNo, id).update();
        }
    }

    public boolean manifestRecorded(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select count(*) from phase_manifest where exchange_id = ? and phase_no = ?")
                .params(exchangeId, phaseNo).query(Integer.class).single() > 0;
    }

    /** Person ids on the other side's manifest of a phase. */
    public Set<Long> brought(UUID exchangeId, int phaseNo) {
        return new HashSet<>(jdbc.sql("select person_id from phase_manifest_person where exchange_id = ? and phase_no = ?")
                .params(exchangeId, phaseNo).query(Long.class).list());
    }

    /**
     * The neutral party's consent finding (art. 109(3)) per person, read from the verification results:
     * person id to outcome (WANTS_REPATRIATION, REFUSES, UNDECIDED); people without a finding are absent.
     */
    public Map<Long, String> consent(UUID exchangeId, Collection<Long> personIds) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select person_id, consent_outcome from verification_result where exchange_id = ? "
                        + "and consent_outcome is not null")
                .param(exchangeId)
                .query(rs -> {
                    long id = rs.getLong("person_id");
                    if (personIds.contains(id)) {
                        out.put(id, rs.getString("consent_outcome"));
                    }
                });
        return out;
    }

    public java.util.Optional<Confirmation> confirmation(UUID exchangeId, int phaseNo, long personId) {
        return jdbc.sql("select * from handover_confirmation where exchange_id = ? and phase_no = ? and person_id = ?")
                .params(exchangeId, phaseNo, personId)
                .query((rs, n) -> new Confirmation(rs.getLong("person_id"), rs.getInt("phase_no"), rs.getBoolean("crossed"),
                        rs.getString("confirmed_by"), rs.getObject("confirmed_at", OffsetDateTime.class)))
                .optional();
    }

    /** A second official corrects a confirmation: the record changes, the correction is kept beside it. */
    public void correct(UUID exchangeId, int phaseNo, Confirmation before, boolean crossed, String reason, String actor) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("update handover_confirmation set crossed = ? where exchange_id = ? and phase_no = ? and person_id = ?")
                .params(crossed, exchangeId, phaseNo, before.personId()).update();
        jdbc.sql("insert into crossing_correction (exchange_id, phase_no, person_id, crossed_before, crossed_after, reason, "
                        + "confirmed_by, corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, before.personId(), before.crossed(), crossed, cut(reason),
                        before.confirmedBy(), actor, now).update();
    }

    public List<PhaseReport.CorrectionRecord> corrections(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select person_id, crossed_before, crossed_after, reason, confirmed_by, corrected_by, corrected_at "
                        + "from crossing_correction where exchange_id = ? and phase_no = ? order by id")
                .params(exchangeId, phaseNo)
                .query((rs, n) -> new PhaseReport.CorrectionRecord(rs.getLong("person_id"), rs.getBoolean("crossed_before"),
                        rs.getBoolean("crossed_after"), rs.getString("reason"), rs.getString("confirmed_by"),
                        rs.getString("corrected_by"), rs.getObject("corrected_at", OffsetDateTime.class))).list();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
