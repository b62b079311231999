package org.powexchange.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The content fingerprint of every record of one source of the exchange, by source reference. */
    public java.util.Map<String, String> fingerprints(UUID exchangeId, SourceKind source) {
        java.util.Map<String, String> byRef = new java.util.HashMap<>();
        jdbc.sql("select source_ref, content_sha256 from source_record where exchange_id = ? and source = ?")
                .params(exchangeId, source.name())
                .query(rs -> {
                    byRef.put(rs.getString(1), rs.getString(2));
                });
        return byRef;
    }

    /** Inserts records in JDBC batches (a file or a candidate submission carries thousands). */
    public void insertAll(Collection<SourceRecord> records, Long batchId) {
        OffsetDateTime now = OffsetDateTime.now();
        batch.batchUpdate("insert into source_record (exchange_id, source, source_ref, side, content_sha256, family_name, "
                        + "given_name, birth_date, service_number, category, rank_title, unit_name, captured_on, captured_place, "
                        + "location_held, evidence_type, evidence_date, strategic_flags, seriously_wounded_sick, "
                        + "declared_life_status, relative_contact, last_seen_on, dna_sample_ref, person_id, match_confidence, "
                        + "match_basis, batch_id, imported_at, patronymic, data_warning) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records.stream().map(r -> new Object[] {r.exchangeId(), r.source().name(), r.sourceRef(), r.side().name(),
                        r.fingerprint(), r.familyName(), r.givenName(), blankToNull(r.birthDate()), r.serviceNumber(),
                        r.category(), r.rank(), r.unit(), r.capturedOn(), r.capturedPlace(), r.locationHeld(),
                        r.evidenceType(), r.evidenceDate(), r.strategicFlags(), r.seriouslyWoundedSick(),
                        r.declaredLifeStatus(), r.relativeContact(), r.lastSeenOn(), r.dnaSampleRef(), r.personId(),
                        r.matchConfidence(), r.personId() == null ? null : "given", batchId, now, r.patronymic(),
                        r.dataWarning()}).toList());
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

    public void link(long recordId, long personId, double confidence, String basis) {
        jdbc.sql("update source_record set person_id = ?, match_confidence = ?, match_basis = ? where id = ?")
                .params(personId, confidence, basis, recordId).update();
    }

    /** A record's link to its person, for {@link #linkAll}. */
    public record Link(long recordId, long personId, double confidence, String basis) {
    }

    /**
     * Links many records in JDBC batches (cross-referencing links every new record of an import), in the order
     * of their ids: the matcher's order is random with respect to the primary key, and walking the key in
     * order keeps the database's pages in cache (100,000 links).
     */
    public void linkAll(List<Link> links) {
        batch.batchUpdate("update source_record set person_id = ?, match_confidence = ?, match_basis = ? where id = ?",
                links.stream().sorted(java.util.Comparator.comparingLong(Link::recordId))
                        .map(l -> new Object[] {l.personId(), l.confidence(), l.basis(), l.recordId()}).toList());
    }

    public void linkByRef(UUID exchangeId, SourceKind source, String ref, long personId) {
        jdbc.sql("update source_record set person_id = ?, match_confidence = 1, match_basis = 'given' "
                        + "where exchange_id = ? and source = ? and source_ref = ?")
                .params(personId, exchangeId, source.name(), ref).update();
    }

    /** Moves every record of one person to another (a merge decided by the drafter). */
    public int relink(long fromPerson, long toPerson) {
        return jdbc.sql("update source_record set person_id = ?, match_basis = 'merged by drafter' where person_id = ?")
                .params(toPerson, fromPerson).update();
    }

    public List<SourceRecord> forExchange(UUID exchangeId) {
        return jdbc.sql("select * from source_record where exchange_id = ? order by id").param(exchangeId)
                .query(SourceRecordRepository::map).list();
    }

    public List<SourceRecord> forPerson(long personId) {
        return jdbc.sql("select * from source_record where person_id = ? order by id").param(personId)
                .query(SourceRecordRepository::map).list();
    }

    /** Each person of the exchange without a patronymic takes the fullest one its records give. */
    public int patronymicsToPeople(UUID exchangeId) {
        return jdbc.sql("update person set patronymic = (select s.patronymic from source_record s where s.person_id = person.id "
                        + "and s.patronymic is not null order by length(s.patronymic) desc, s.id limit 1) "
                        + "where exchange_id = ? and patronymic is null "
                        + "and exists (select 1 from source_record s where s.person_id = person.id and s.patronymic is not null)")
                .param(exchangeId).update();
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
        return d == null || !d.isKnown() ? null : d.toString();
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
