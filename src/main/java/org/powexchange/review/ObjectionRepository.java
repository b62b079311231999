package org.powexchange.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Routing results, per-person objections and the Staff's resolutions: the record of the review. */
@Repository
public class ObjectionRepository {

    public record Concern(long personId, String agency, String concern) {
    }

    public record Objection(long id, UUID exchangeId, int round, int pass, String agency, long personId,
                            String reasonCode, String comment, String objectedBy, OffsetDateTime objectedAt) {
    }

    public record Resolution(long id, UUID exchangeId, int round, int pass, long personId, String decision,
                             String basisCode, String recommendation, String recommendationReason,
                             Long replacementPersonId, String comment, String decidedBy, OffsetDateTime decidedAt,
                             Integer deferredToPhase) {
    }

    private final JdbcClient jdbc;

    public ObjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- routing

    public void replaceConcerns(UUID exchangeId, long personId, List<Concern> concerns) {
        jdbc.sql("delete from review_concern where exchange_id = ? and person_id = ?").params(exchangeId, personId)
                .update();
        for (Concern c : concerns) {
            jdbc.sql("insert into review_concern (exchange_id, person_id, agency, concern) values (?, ?, ?, ?)")
                    .params(exchangeId, personId, c.agency(), c.concern()).update();
        }
    }

    public List<Concern> concerns(UUID exchangeId) {
        return jdbc.sql("select * from review_concern where exchange_id = ? order by person_id, agency")
                .param(exchangeId)
                .query((rs, n) -> new Concern(rs.getLong("person_id"), rs.getString("agency"), rs.getString("concern")))
                .list();
    }

    // --- objections

    public void insert(Objection o) {
        jdbc.sql("insert into review_objection (exchange_id, review_round, review_pass, agency, person_id, reason_code, "
                        + "comment_text, objected_by, objected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.exchangeId(), o.round(), o.pass(), o.agency(), o.personId(), o.reasonCode(), o.comment(),
                        o.objectedBy(), o.objectedAt())
                .update();
    }

    public List<Objection> objections(UUID exchangeId) {
        return jdbc.sql("select * from review_objection where exchange_id = ? order by review_round, review_pass, id")
                .param(exchangeId).query((rs, n) -> new Objection(rs.getLong("id"),
                        rs.getObject("exchange_id", UUID.class), rs.getInt("review_round"), rs.getInt("review_pass"),
                        rs.getString("agency"), rs.getLong("person_id"), rs.getString("reason_code"),
                        rs.getString("comment_text"), rs.getString("objected_by"),
                        rs.getObject("objected_at", OffsetDateTime.class)))
                .list();
    }

    public List<Objection> objections(UUID exchangeId, int round, int pass) {
        return objections(exchangeId).stream().filter(o -> o.round() == round && o.pass() == pass).toList();
    }

    // --- resolutions

    public void insert(Resolution r) {
        jdbc.sql("insert into objection_resolution (exchange_id, review_round, review_pass, person_id, decision, "
                        + "basis_code, recommendation, recommendation_reason, replacement_person_id, comment_text, "
                        + "decided_by, decided_at, deferred_to_phase) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.exchangeId(), r.round(), r.pass(), r.personId(), r.decision(), r.basisCode(),
                        r.recommendation(), r.recommendationReason(), r.replacementPersonId(), r.comment(),
                        r.decidedBy(), r.decidedAt(), r.deferredToPhase())
                .update();
    }

    public List<Resolution> resolutions(UUID exchangeId) {
        return jdbc.sql("select * from objection_resolution where exchange_id = ? order by review_round, review_pass, id")
                .param(exchangeId).query((rs, n) -> new Resolution(rs.getLong("id"),
                        rs.getObject("exchange_id", UUID.class), rs.getInt("review_round"), rs.getInt("review_pass"),
                        rs.getLong("person_id"), rs.getString("decision"), rs.getString("basis_code"),
                        rs.getString("recommendation"), rs.getString("recommendation_reason"),
                        (Long) rs.getObject("replacement_person_id", Long.class), rs.getString("comment_text"),
                        rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                        (Integer) rs.getObject("deferred_to_phase", Integer.class)))
                .list();
    }

    /** People the Staff already took off the list in any review of this exchange (never a replacement). */
    public Set<Long> resolvedOff(UUID exchangeId) {
        return Set.copyOf(jdbc.sql("select person_id from objection_resolution where exchange_id = ? and decision <> 'KEEP'")
                .param(exchangeId).query(Long.class).list());
    }
}
