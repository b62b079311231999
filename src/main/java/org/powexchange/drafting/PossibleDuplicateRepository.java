package org.powexchange.drafting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pairs of people that may be one, raised by cross-referencing and decided by the drafter. */
@Repository
public class PossibleDuplicateRepository {

    /** A new open pair, for {@link #insertOpen}. */
    public record NewPair(UUID exchangeId, long personId, long otherPersonId, double score) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public PossibleDuplicateRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts open pairs in JDBC batches (100,000 records raise a few thousand). */
    public void insertOpen(List<NewPair> pairs) {
        batch.batchUpdate("insert into possible_duplicate (exchange_id, person_id, other_person_id, score, status) "
                        + "values (?, ?, ?, ?, 'OPEN')",
                pairs.stream().map(p -> new Object[] {p.exchangeId(), p.personId(), p.otherPersonId(), p.score()})
                        .toList());
    }

    public int countOpen(UUID exchangeId) {
        return jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'OPEN'")
                .param(exchangeId).query(Integer.class).single();
    }

    /** Open pairs (id, person_id, other_person_id, score) in the order they were raised. */
    public List<Map<String, Object>> open(UUID exchangeId) {
        return jdbc.sql("select id, person_id, other_person_id, score from possible_duplicate "
                + "where exchange_id = ? and status = 'OPEN' order by id").param(exchangeId).query().listOfRows();
    }

    public List<Long> openIds(UUID exchangeId) {
        return jdbc.sql("select id from possible_duplicate where exchange_id = ? and status = 'OPEN' order by id")
                .param(exchangeId).query(Long.class).list();
    }

    /** Open pairs scoring at or above {@code score}. */
    public List<Long> openIdsAtOrAbove(UUID exchangeId, double score) {
        return jdbc.sql("select id from possible_duplicate where exchange_id = ? and status = 'OPEN' and score >= ? "
                + "order by id").params(exchangeId, score).query(Long.class).list();
    }

    /** One page of open pairs, highest score first. */
    public List<Map<String, Object>> openPage(UUID exchangeId, int size) {
        return jdbc.sql("select id, person_id, other_person_id, score from possible_duplicate "
                        + "where exchange_id = ? and status = 'OPEN' order by score desc, id fetch first " + size
                        + " rows only")
                .param(exchangeId).query().listOfRows();
    }

    /** The pair's people now: {@code [person_id, other_person_id]} (an earlier merge may have moved them). */
    public long[] people(long pairId) {
        return jdbc.sql("select person_id, other_person_id from possible_duplicate where id = ?").param(pairId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** After a merge, the open pairs naming the merged person name the one it went into. */
    public void movePerson(long gone, long keep) {
        jdbc.sql("update possible_duplicate set other_person_id = ? where other_person_id = ? and status = 'OPEN'")
                .params(keep, gone).update();
        jdbc.sql("update possible_duplicate set person_id = ? where person_id = ? and status = 'OPEN'")
                .params(keep, gone).update();
    }

    public void decide(long pairId, boolean merged, String actor) {
        jdbc.sql("update possible_duplicate set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(merged ? "MERGED" : "KEPT_APART", actor, OffsetDateTime.now(), pairId).update();
    }

    /** Open pairs of one person with itself (left by merges) are closed as merged. */
    public void closeSelfPairs(UUID exchangeId, String actor) {
        jdbc.sql("update possible_duplicate set status = 'MERGED', decided_by = ?, decided_at = ? "
                        + "where exchange_id = ? and status = 'OPEN' and person_id = other_person_id")
                .params(actor, OffsetDateTime.now(), exchangeId).update();
    }
}
