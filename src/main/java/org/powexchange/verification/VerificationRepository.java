package org.powexchange.verification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VerificationRepository {

    // named apart from the other records called alike in /v3/api-docs
    @Schema(name = "VerificationResult")
    public record Result(UUID exchangeId, long personId, VerificationOutcome outcome,
                         VerificationOutcome.Medical medical, String evidence, Integer roundNo,
                         String recordedBy, OffsetDateTime recordedAt, Consent consent) {
    }

    private final JdbcClient jdbc;

    public VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Result r) {
        Consent c = r.consent();
        jdbc.sql("insert into verification_result (exchange_id, person_id, outcome, medical, evidence, round_no, "
                        + "recorded_by, recorded_at, consent_interviewed_on, consent_outcome, consent_delegate_ref) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.exchangeId(), r.personId(), r.outcome().name(),
                        r.medical() == null ? null : r.medical().name(), r.evidence(), r.roundNo(), r.recordedBy(),
                        r.recordedAt(), c == null ? null : c.interviewedOn(), c == null ? null : c.outcome().name(),
                        c == null ? null : c.delegateRef())
                .update();
    }

    /** A new interview's result replaces an undecided one (the only result that may be replaced). */
    public void replaceUndecided(Result r) {
        Consent c = r.consent();
        jdbc.sql("update verification_result set outcome = ?, medical = ?, evidence = ?, round_no = ?, recorded_by = ?, "
                        + "recorded_at = ?, consent_interviewed_on = ?, consent_outcome = ?, consent_delegate_ref = ? "
                        + "where exchange_id = ? and person_id = ? and outcome = 'CONSENT_UNDECIDED'")
                .params(r.outcome().name(), r.medical() == null ? null : r.medical().name(), r.evidence(), r.roundNo(),
                        r.recordedBy(), r.recordedAt(), c == null ? null : c.interviewedOn(),
                        c == null ? null : c.outcome().name(), c == null ? null : c.delegateRef(), r.exchangeId(),
                        r.personId())
                .update();
    }

    public Optional<Result> find(UUID exchangeId, long personId) {
        return jdbc.sql("select * from verification_result where exchange_id = ? and person_id = ?")
                .params(exchangeId, personId).query(VerificationRepository::map).optional();
    }

    public List<Result> list(UUID exchangeId) {
        return jdbc.sql("select * from verification_result where exchange_id = ? order by person_id").param(exchangeId)
                .query(VerificationRepository::map).list();
    }

    /** People still awaiting verification without a result, or undecided and waiting for a new interview. */
    public int outstanding(UUID exchangeId) {
        return jdbc.sql("select count(*) from list_entry e where e.exchange_id = ? and e.status = 'AWAITING_VERIFICATION' "
                        + "and not exists (select 1 from verification_result v where v.exchange_id = e.exchange_id "
                        + "and v.person_id = e.person_id and v.outcome <> 'CONSENT_UNDECIDED')")
                .param(exchangeId).query(Integer.class).single();
    }

    /**
     * The newest place of detention the drafting sources give per person of the exchange (only that column
     * of the source records: the neutral party sees nothing else of them).
     */
    public java.util.Map<Long, String> placesOfDetention(UUID exchangeId) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        jdbc.sql("select l.person_id, s.location_held from source_record s join record_link l on l.record_id = s.id "
                        + "where s.exchange_id = ? and s.location_held is not null order by s.imported_at, s.id")
                .param(exchangeId)
                .query((rs, i) -> java.util.Map.entry(rs.getLong("person_id"), rs.getString("location_held")))
                .list().forEach(e -> out.put(e.getKey(), e.getValue())); // oldest first: the newest wins
        return out;
    }

    private static Result map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Result(rs.getObject("exchange_id", UUID.class), rs.getLong("person_id"),
                VerificationOutcome.valueOf(rs.getString("outcome")),
                rs.getString("medical") == null ? null : VerificationOutcome.Medical.valueOf(rs.getString("medical")),
                rs.getString("evidence"), (Integer) rs.getObject("round_no"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getString("consent_outcome") == null ? null : new Consent(
                        rs.getObject("consent_interviewed_on", java.time.LocalDate.class),
                        Consent.Outcome.valueOf(rs.getString("consent_outcome")), rs.getString("consent_delegate_ref")));
    }
}
