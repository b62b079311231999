package org.powexchange.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.people.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SourceRecordRepository {

    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public SourceRecordRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The content fingerprint of those of {@code refs} the source of the exchange has already, by source reference.
     * Looked up through the unique index (one probe per reference, the rows of earlier files left unread): the third
     * file of a source would otherwise read the 40,000 records of the first two to find that none of its own is there.
     */
    public java.util.Map<String, String> fingerprints(UUID exchangeId, SourceKind source, Collection<String> refs) {
        java.util.Map<String, String> byRef = new java.util.HashMap<>();
        List<String> all = List.copyOf(refs);
        // in arrays of 10,000: H2 takes at most 65,536 elements, and the row limit of an import is a setting
        for (int from = 0; from < all.size(); from += 10_000) {
            Object[] chunk = all.subList(from, Math.min(all.size(), from + 10_000)).toArray();
            // the references drive the join: "source_ref = any(?)" made H2 scan the source and search the array per row
            batch.query("select s.source_ref, s.content_sha256 from unnest(?) as r(ref) join source_record s "
                            + "on s.exchange_id = ? and s.source = ? and s.source_ref = r.ref",
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("VARCHAR", chunk));
                        ps.setObject(2, exchangeId);
                        ps.setString(3, source.name());
                    },
                    (java.sql.ResultSet rs) -> {
                        byRef.put(rs.getString(1), rs.getString(2));
                    });
        }
        return byRef;
    }

    /** Inserts records in JDBC batches (a file or a candidate submission carries thousands). */
    public void insertAll(Collection<SourceRecord> records, Long batchId) {
        List<SourceRecord> list = List.copyOf(records);
        insertAll(list, list.stream().map(SourceRecord::fingerprint).toList(), batchId);
    }

    /**
     * As {@link #insertAll(Collection, Long)} with each record's content fingerprint already computed (the import
     * computed it to tell new rows from unchanged ones; a SHA-256 per row is not made twice).
     */
    public void insertAll(List<SourceRecord> records, List<String> fingerprints, Long batchId) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Integer> rows = java.util.stream.IntStream.range(0, records.size()).boxed().toList();
        // in chunks of 1,000: the driver holds one chunk's parameters at a time, not a whole file's (20,000 rows of
        // 27 values each, which lived through every young collection of the import)
        batch.batchUpdate("insert into source_record (exchange_id, source, source_ref, side, content_sha256, family_name, "
                        + "given_name, birth_date, service_number, category, rank_title, unit_name, captured_on, captured_place, "
                        + "location_held, evidence_type, evidence_date, strategic_flags, seriously_wounded_sick, "
                        + "declared_life_status, relative_contact, last_seen_on, dna_sample_ref, batch_id, imported_at, "
                        + "patronymic, data_warning) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, 1000, (ps, i) -> {
                    // typed setters: a null of unknown type would make the driver's parameter metadata be read
                    SourceRecord r = records.get(i);
                    ps.setObject(1, r.exchangeId());
                    ps.setString(2, r.source().name());
                    ps.setString(3, r.sourceRef());
                    ps.setString(4, r.side().name());
                    ps.setString(5, fingerprints.get(i));
                    ps.setString(6, r.familyName());
                    ps.setString(7, r.givenName());
                    ps.setString(8, blankToNull(r.birthDate()));
                    ps.setString(9, r.serviceNumber());
                    ps.setString(10, r.category());
                    ps.setString(11, r.rank());
                    ps.setString(12, r.unit());
                    set(ps, 13, r.capturedOn(), Types.DATE);
                    ps.setString(14, r.capturedPlace());
                    ps.setString(15, r.locationHeld());
                    ps.setString(16, r.evidenceType());
                    set(ps, 17, r.evidenceDate(), Types.DATE);
                    ps.setString(18, r.strategicFlags());
                    set(ps, 19, r.seriouslyWoundedSick(), Types.BOOLEAN);
                    ps.setString(20, r.declaredLifeStatus());
                    ps.setString(21, r.relativeContact());
                    set(ps, 22, r.lastSeenOn(), Types.DATE);
                    ps.setString(23, r.dnaSampleRef());
                    set(ps, 24, batchId, Types.BIGINT);
                    ps.setObject(25, now);
                    ps.setString(26, r.patronymic());
                    ps.setString(27, r.dataWarning());
                });
        // records that arrive as people already (the /candidates endpoint): linked as given
        List<SourceRecord> given = records.stream().filter(r -> r.personId() != null).toList();
        batch.batchUpdate("insert into record_link (record_id, person_id, match_confidence, match_basis) "
                        + "select id, ?, ?, 'given' from source_record where exchange_id = ? and source = ? and source_ref = ?",
                given, 1000, (ps, r) -> {
                    ps.setLong(1, r.personId());
                    ps.setDouble(2, r.matchConfidence() == null ? 1 : r.matchConfidence());
                    ps.setObject(3, r.exchangeId());
                    ps.setString(4, r.source().name());
                    ps.setString(5, r.sourceRef());
                });
    }

    /** A value of a known SQL type: null as a typed null, otherwise as the driver maps the Java type. */
    private static void set(java.sql.PreparedStatement ps, int i, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(i, sqlType);
        } else {
            ps.setObject(i, value);
        }
    }

    /** Replaces a record's content; its link to a person stays (the person is re-assessed on compiling). */
    public void updateContent(SourceRecord r, Long batchId) {
        jdbc.sql("update source_record set side = ?, content_sha256 = ?, family_name = ?, given_name = ?, birth_date = ?, "
                        + "service_number = ?, category = ?, rank_title = ?, unit_name = ?, captured_on = ?, captured_place = ?, "
                        + "location_held = ?, evidence_type = ?, evidence_date = ?, strategic_flags = ?, "
                        + "seriously_wounded_sick = ?, declared_life_status = ?, relative_contact = ?, last_seen_on = ?, "
                        + "dna_sample_ref = ?, batch_id = ?, imported_at = ?, patronymic = ?, data_warning = ? "
                        + "where exchange_id = ? and source = ? and source_ref = ?")
                .params(r.side().name(), r.fingerprint(), r.familyName(), r.givenName(), blankToNull(r.birthDate()),
                        r.serviceNumber(), r.category(), r.rank(), r.unit(), r.capturedOn(), r.capturedPlace(),
                        r.locationHeld(), r.evidenceType(), r.evidenceDate(), r.strategicFlags(), r.seriouslyWoundedSick(),
                        r.declaredLifeStatus(), r.relativeContact(), r.lastSeenOn(), r.dnaSampleRef(), batchId,
                        OffsetDateTime.now(), r.patronymic(), r.dataWarning(), r.exchangeId(), r.source().name(),
                        r.sourceRef())
                .update();
    }

    /** A record's link to its person, for {@link #linkAll}. */
    public record Link(long recordId, long personId, double confidence, String basis) {
    }

    /**
     * Links many records in JDBC batches (cross-referencing links every new record of an import), in the order
     * of their ids: the matcher's order is random with respect to the primary key, and walking the key in
     * order keeps the database's pages in cache (100,000 links). A record linked already is refused by the key.
     */
    public void linkAll(List<Link> links) {
        // in chunks of 1,000: the driver holds one chunk's parameters, not 100,000 rows of them next to the matcher's result
        batch.batchUpdate("insert into record_link (person_id, match_confidence, match_basis, record_id) values (?, ?, ?, ?)",
                links.stream().sorted(java.util.Comparator.comparingLong(Link::personId).thenComparingLong(Link::recordId)).toList(), 1000,
                (ps, l) -> {
                    ps.setLong(1, l.personId());
                    ps.setDouble(2, l.confidence());
                    ps.setString(3, l.basis());
                    ps.setLong(4, l.recordId());
                });
    }

    /** Moves every record of one person to another (a merge decided by the drafter). */
    public int relink(long fromPerson, long toPerson) {
        return jdbc.sql("update record_link set person_id = ?, match_basis = 'merged by drafter' where person_id = ?")
                .params(toPerson, fromPerson).update();
    }

    public List<SourceRecord> forExchange(UUID exchangeId) {
        return jdbc.sql("select s.*, l.person_id, l.match_confidence from source_record s "
                        + "left join record_link l on l.record_id = s.id where s.exchange_id = ? order by s.id").param(exchangeId)
                .query(SourceRecordRepository::map).list();
    }

    public List<SourceRecord> forPerson(long personId) {
        return jdbc.sql("select s.*, l.person_id, l.match_confidence from record_link l "
                        + "join source_record s on s.id = l.record_id where l.person_id = ? order by s.id").param(personId)
                .query(SourceRecordRepository::map).list();
    }

    /**
     * What cross-referencing needs of one record: the matcher's fields, what founds a new person (source,
     * reference, side) and the person it belongs to (null: not yet cross-referenced).
     */
    public record MatchRow(long id, SourceKind source, String sourceRef, Side side, String familyName, String givenName,
                           String patronymic, PartialDate birthDate, String serviceNumber, Long personId) {

        public String label() {
            return source.prefix() + ":" + sourceRef;
        }
    }

    /**
     * Every record of the exchange with only the columns cross-referencing reads (100,000 records: the wide rows
     * and their mapping to {@link SourceRecord} cost more than the matcher's own reading). In no particular order:
     * the matcher orders the records itself, and H2 sorted 100,000 rows in a temporary file for an order by.
     */
    public List<MatchRow> matchRows(UUID exchangeId) {
        // names and dates repeat across the records of 40,000 people: each distinct one is kept (and its date read)
        // once, not 100,000 times over, beside the matcher's own tables in the heap
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, PartialDate> dates = new java.util.HashMap<>();
        return jdbc.sql("select s.id, s.source, s.source_ref, s.side, s.family_name, s.given_name, s.patronymic, "
                        + "s.birth_date, s.service_number, l.person_id from source_record s "
                        + "left join record_link l on l.record_id = s.id where s.exchange_id = ?")
                .param(exchangeId)
                .query((rs, n) -> {
                    long pid = rs.getLong(10);
                    Long personId = rs.wasNull() ? null : pid;
                    String birth = rs.getString(8);
                    return new MatchRow(rs.getLong(1), SourceKind.valueOf(rs.getString(2)), rs.getString(3),
                            Side.valueOf(rs.getString(4)), once(names, rs.getString(5)), once(names, rs.getString(6)),
                            once(names, rs.getString(7)), birth == null ? PartialDate.UNKNOWN
                                    : dates.computeIfAbsent(birth, PartialDate::parse), rs.getString(9), personId);
                }).list();
    }

    private static String once(Map<String, String> seen, String s) {
        if (s == null) {
            return null;
        }
        String known = seen.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    public Map<String, Integer> countsBySource(UUID exchangeId) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("select source, count(*) as n from source_record where exchange_id = ? group by source").param(exchangeId)
                .query(rs -> {
                    out.put(rs.getString("source"), rs.getInt("n"));
                });
        return out;
    }

    private static String blankToNull(PartialDate d) {
        return d == null || !d.isKnown() ? null : SourceRecord.dateText(d);
    }

    static SourceRecord map(ResultSet rs, int n) throws SQLException {
        Object pid = rs.getObject("person_id");
        java.math.BigDecimal conf = rs.getBigDecimal("match_confidence");
        return new SourceRecord(rs.getLong("id"), rs.getObject("exchange_id", UUID.class),
                SourceKind.valueOf(rs.getString("source")), rs.getString("source_ref"), Side.valueOf(rs.getString("side")),
                rs.getString("family_name"), rs.getString("given_name"), rs.getString("patronymic"), PartialDate.parse(rs.getString("birth_date")),
                rs.getString("service_number"), rs.getString("category"), rs.getString("rank_title"),
                rs.getString("unit_name"), rs.getObject("captured_on", LocalDate.class), rs.getString("captured_place"),
                rs.getString("location_held"), rs.getString("evidence_type"), rs.getObject("evidence_date", LocalDate.class),
                rs.getString("strategic_flags"), (Boolean) rs.getObject("seriously_wounded_sick"),
                rs.getString("declared_life_status"), rs.getString("relative_contact"),
                rs.getObject("last_seen_on", LocalDate.class), rs.getString("dna_sample_ref"),
                pid == null ? null : ((Number) pid).longValue(), conf == null ? null : conf.doubleValue(),
                rs.getString("data_warning"));
    }
}
