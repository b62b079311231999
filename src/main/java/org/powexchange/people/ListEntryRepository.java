package org.powexchange.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persons × exchange: which list, which phase, which status. */
@Repository
public class ListEntryRepository {

    /** A list entry joined with its person, as most steps need both. */
    public record Row(ListEntry entry, Person person) {
    }

    /** One entry's new rank, phase, status and reason, for {@link #updateAll}. */
    public record Update(long entryId, Integer rankNo, Integer phaseNo, EntryStatus status, String reason) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ListEntryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A person to put on a list, for {@link #insertAll}. */
    public record NewEntry(long personId, Side list, EntryStatus status) {
    }

    /** Puts people on their lists, in JDBC batches. */
    public void insertAll(UUID exchangeId, Collection<NewEntry> newEntries) {
        OffsetDateTime now = OffsetDateTime.now();
        batch.batchUpdate("insert into list_entry (exchange_id, person_id, list_name, status, updated_at) values (?, ?, ?, ?, ?)",
                newEntries.stream().map(e -> new Object[] {exchangeId, e.personId(), e.list().name(), e.status().name(), now})
                        .toList());
    }

    /** {@link #update} for many entries in JDBC batches (a compiled list touches thousands). */
    public void updateAll(Collection<Update> updates) {
        OffsetDateTime now = OffsetDateTime.now();
        batch.batchUpdate("update list_entry set rank_no = ?, phase_no = ?, status = ?, status_reason = ?, updated_at = ? "
                        + "where id = ?", updates.stream().map(u -> new Object[] {u.rankNo(), u.phaseNo(), u.status().name(),
                        u.reason(), now, u.entryId()}).toList());
    }

    public void update(long entryId, Integer rankNo, Integer phaseNo, EntryStatus status, String reason) {
        jdbc.sql("update list_entry set rank_no = ?, phase_no = ?, status = ?, status_reason = ?, updated_at = ? where id = ?")
                .params(rankNo, phaseNo, status.name(), reason, OffsetDateTime.now(), entryId).update();
    }

    public void setStatus(long entryId, EntryStatus status, String reason) {
        jdbc.sql("update list_entry set status = ?, status_reason = ?, updated_at = ? where id = ?")
                .params(status.name(), reason, OffsetDateTime.now(), entryId).update();
    }

    /** Moves every entry of a list in one status to another, e.g. PROPOSED to AWAITING_VERIFICATION. */
    public int moveAll(UUID exchangeId, Collection<EntryStatus> from, EntryStatus to) {
        return jdbc.sql("update list_entry set status = :to, updated_at = :now where exchange_id = :ex and status in (:from)")
                .param("to", to.name()).param("now", OffsetDateTime.now()).param("ex", exchangeId)
                .param("from", from.stream().map(Enum::name).toList()).update();
    }

    public List<Row> rows(UUID exchangeId) {
        return jdbc.sql("select e.id as e_id, e.list_name, e.rank_no, e.phase_no, e.status, e.status_reason, p.* "
                        + "from list_entry e join person p on p.id = e.person_id where e.exchange_id = ? "
                        + "order by e.list_name, e.rank_no nulls last, p.id")
                .param(exchangeId).query(ListEntryRepository::mapRow).list();
    }

    public List<Row> rows(UUID exchangeId, Side list, EntryStatus status) {
        return rows(exchangeId).stream()
                .filter(r -> r.entry().list() == list && r.entry().status() == status).toList();
    }

    public List<Row> phaseRows(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select e.id as e_id, e.list_name, e.rank_no, e.phase_no, e.status, e.status_reason, p.* "
                        + "from list_entry e join person p on p.id = e.person_id where e.exchange_id = ? and e.phase_no = ? "
                        + "order by e.list_name, e.rank_no nulls last, p.id")
                .params(exchangeId, phaseNo).query(ListEntryRepository::mapRow).list();
    }

    public Optional<Row> row(UUID exchangeId, long personId) {
        return jdbc.sql("select e.id as e_id, e.list_name, e.rank_no, e.phase_no, e.status, e.status_reason, p.* "
                        + "from list_entry e join person p on p.id = e.person_id where e.exchange_id = ? and p.id = ?")
                .params(exchangeId, personId).query(ListEntryRepository::mapRow).optional();
    }

    /**
     * People whose last word from the Coordination Staff was to remove them or defer them: a redraft
     * must not put them back on the proposed list.
     */
    public java.util.Set<Long> settledByStaff(UUID exchangeId) {
        // a deferral to a named phase keeps the person on the list (see deferredToPhase)
        return new java.util.HashSet<>(jdbc.sql("select r.person_id from objection_resolution r where r.exchange_id = ? "
                        + "and (r.decision = 'REMOVE' or (r.decision = 'DEFER' and r.deferred_to_phase is null)) "
                        + "and r.id = (select max(r2.id) from objection_resolution r2 "
                        + "where r2.exchange_id = r.exchange_id and r2.person_id = r.person_id)")
                .param(exchangeId).query(Long.class).list());
    }

    /**
     * Takes a person off the lists while the lists are still being drafted (the person was merged into
     * another); entries that went further (confirmed, exchanged, ...) are kept.
     */
    public void deleteDrafted(long personId) {
        jdbc.sql("delete from list_entry where person_id = ? and status in ('CANDIDATE', 'PROPOSED', 'RESERVE', 'TRACKED')")
                .param(personId).update();
    }

    /** The Staff deferred this person to a later phase (null: no earlier phase restriction). */
    public void setDeferredToPhase(long entryId, Integer phaseNo) {
        jdbc.sql("update list_entry set deferred_to_phase = ?, updated_at = ? where id = ?")
                .params(phaseNo, OffsetDateTime.now(), entryId).update();
    }

    /**
     * Person id → the earliest phase the Staff allowed ("Defer to phase n" in review). The phase planner
     * puts such a person in that phase or a later one, never earlier.
     */
    public Map<Long, Integer> deferredToPhase(UUID exchangeId) {
        Map<Long, Integer> out = new java.util.HashMap<>();
        jdbc.sql("select person_id, deferred_to_phase from list_entry where exchange_id = ? and deferred_to_phase is not null")
                .param(exchangeId).query(rs -> {
                    out.put(rs.getLong("person_id"), rs.getInt("deferred_to_phase"));
                });
        return out;
    }

    /** Counts per list and status, for status pages and task forms. */
    public Map<Side, Map<EntryStatus, Integer>> counts(UUID exchangeId) {
        Map<Side, Map<EntryStatus, Integer>> out = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            out.put(s, new EnumMap<>(EntryStatus.class));
        }
        jdbc.sql("select list_name, status, count(*) as n from list_entry where exchange_id = ? group by list_name, status")
                .param(exchangeId)
                .query(rs -> {
                    out.get(Side.valueOf(rs.getString("list_name")))
                            .put(EntryStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return out;
    }

    static Row mapRow(ResultSet rs, int n) throws SQLException {
        Person p = PersonRepository.map(rs, n);
        ListEntry e = new ListEntry(rs.getLong("e_id"), p.exchangeId(), p.id(), Side.valueOf(rs.getString("list_name")),
                (Integer) rs.getObject("rank_no"), (Integer) rs.getObject("phase_no"),
                EntryStatus.valueOf(rs.getString("status")), rs.getString("status_reason"));
        return new Row(e, p);
    }
}
