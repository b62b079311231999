package org.powexchange.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.powexchange.people.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The other side's lists as received, and how each of their entries matched ours. */
@Repository
public class CounterpartyRepository {

    public enum MatchKind {
        /** on their list and on ours */
        MATCHED,
        /** a person we know (reserve, tracked), but not on our list */
        NOT_ON_OUR_LIST,
        /** no person of ours fits */
        UNKNOWN_TO_US,
        /** not yet matched */
        PENDING
    }

    public record Entry(long id, long listId, Side side, String theirRef, String familyName, String givenName,
                        LocalDate birthDate, MatchKind matchKind, Long personId) {
    }

    public record Submission(long id, UUID exchangeId, String reference, OffsetDateTime receivedAt, String receivedBy) {
    }

    private final JdbcClient jdbc;

    public CounterpartyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertList(UUID exchangeId, String reference, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into counterparty_list (exchange_id, reference, received_at, received_by) values (?, ?, ?, ?)")
                .params(exchangeId, reference, OffsetDateTime.now(), actor).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Submission> findList(UUID exchangeId, String reference) {
        return jdbc.sql("select * from counterparty_list where exchange_id = ? and reference = ?")
                .params(exchangeId, reference).query(CounterpartyRepository::mapList).optional();
    }

    public Optional<Submission> list(long listId) {
        return jdbc.sql("select * from counterparty_list where id = ?").param(listId)
                .query(CounterpartyRepository::mapList).optional();
    }

    public Optional<Long> latest(UUID exchangeId) {
        return jdbc.sql("select id from counterparty_list where exchange_id = ? order by id desc limit 1")
                .param(exchangeId).query(Long.class).optional();
    }

    public void insertEntry(long listId, UUID exchangeId, Side side, String theirRef, String family, String given,
                            LocalDate birthDate) {
        jdbc.sql("insert into counterparty_entry (list_id, exchange_id, side, their_ref, family_name, given_name, "
                        + "birth_date, match_kind) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(listId, exchangeId, side.name(), theirRef, family, given, birthDate, MatchKind.PENDING.name())
                .update();
    }

    public void setMatch(long entryId, MatchKind kind, Long personId) {
        jdbc.sql("update counterparty_entry set match_kind = ?, person_id = ? where id = ?")
                .params(kind.name(), personId, entryId).update();
    }

    /** The people an ambiguous entry might be (ids, comma-separated), or null to clear. */
    public void setCandidates(long entryId, String personIds) {
        jdbc.sql("update counterparty_entry set candidate_person_ids = ? where id = ?").params(personIds, entryId).update();
    }

    /** Entry id to the ids of the people an ambiguous entry of the list might be. */
    public Map<Long, List<Long>> candidates(long listId) {
        Map<Long, List<Long>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, candidate_person_ids from counterparty_entry where list_id = ? "
                + "and candidate_person_ids is not null order by id").param(listId).query(rs -> {
                    out.put(rs.getLong(1), java.util.Arrays.stream(rs.getString(2).split(","))
                            .map(Long::valueOf).toList());
                });
        return out;
    }

    /** How a candidate of ours is named to the Staff: name, birth date and person id. */
    public String personLabel(long personId) {
        return jdbc.sql("select family_name, given_name, birth_date from person where id = ?").param(personId)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)
                        + (rs.getObject(3) == null ? "" : " (b. " + rs.getObject(3, LocalDate.class) + ")")
                        + " [person " + personId + "]")
                .optional().orElse("person " + personId);
    }

    public List<Entry> entries(long listId) {
        return jdbc.sql("select * from counterparty_entry where list_id = ? order by side, id").param(listId)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("list_id"), Side.valueOf(rs.getString("side")),
                        rs.getString("their_ref"), rs.getString("family_name"), rs.getString("given_name"),
                        rs.getObject("birth_date", LocalDate.class), MatchKind.valueOf(rs.getString("match_kind")),
                        (Long) rs.getObject("person_id", Long.class)))
                .list();
    }

    private static Submission mapList(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Submission(rs.getLong("id"), rs.getObject("exchange_id", UUID.class), rs.getString("reference"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getString("received_by"));
    }
}
