package org.powexchange.bureau;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only: what the national information bureau must hear of each person of an exchange (GC III art. 122–123),
 * from the tables the stages write (person, list_entry, source_record, verification_result,
 * criminal_proceedings, handover_confirmation, medical_intake, phase_discrepancy).
 */
@Repository
public class BureauRepository {

    /** One person with their list entry, verification and art. 119 hold-back. */
    public record PersonRow(long personId, String side, String familyName, String givenName, String patronymic,
                            LocalDate birthDate, String serviceNumber, String category, boolean art109,
                            String lifeStatus, LocalDate capturedOn, OffsetDateTime listedAt, String status,
                            String statusReason, Integer phaseNo, String militaryRank, String verificationOutcome,
                            String verificationMedical, OffsetDateTime verifiedAt, LocalDate consentInterviewedOn,
                            String heldBackCase, String heldBackAuthority) {
    }

    /** A source record's places and rank (the newest record that gives one wins). */
    public record SourceFacts(long personId, String rankTitle, String capturedPlace, String locationHeld,
                              OffsetDateTime importedAt) {
    }

    public record Crossing(long personId, int phaseNo, boolean crossed, OffsetDateTime at) {
    }

    public record Intake(long personId, String facility, String comment, OffsetDateTime at) {
    }

    public record Discrepancy(Long personId, int phaseNo, String kind, String detail, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    /** optional columns other branches add (person.patronymic): read when the schema has them */
    private final Set<String> personColumns = ConcurrentHashMap.newKeySet();

    public BureauRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private boolean personHas(String column) {
        if (personColumns.isEmpty()) {
            jdbc.sql("select * from person where 1 = 0").query((ResultSet rs) -> {
                var md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    personColumns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
            });
        }
        return personColumns.contains(column);
    }

    public List<PersonRow> people(UUID exchangeId) {
        String patronymic = personHas("patronymic") ? "p.patronymic" : "cast(null as varchar(100))";
        return jdbc.sql("""
                select p.id, p.side, p.family_name, p.given_name, %s as patronymic, p.birth_date, p.service_number,
                       p.category, p.seriously_wounded_sick, p.life_status, p.captured_on, p.created_at,
                       le.status, le.status_reason, le.phase_no, f.military_rank,
                       vr.outcome, vr.medical, vr.recorded_at, vr.consent_interviewed_on,
                       cp.case_reference, cp.authority
                from person p
                join list_entry le on le.person_id = p.id and le.exchange_id = p.exchange_id
                left join person_review_facts f on f.person_id = p.id
                left join verification_result vr on vr.person_id = p.id and vr.exchange_id = p.exchange_id
                left join criminal_proceedings cp on cp.id = le.held_back_proceedings_id
                where p.exchange_id = ?
                order by p.side, p.family_name, p.given_name, p.id""".formatted(patronymic))
                .param(exchangeId).query(BureauRepository::person).list();
    }

    private static PersonRow person(ResultSet rs, int i) throws SQLException {
        return new PersonRow(rs.getLong("id"), rs.getString("side"), rs.getString("family_name"),
                rs.getString("given_name"), rs.getString("patronymic"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("service_number"), rs.getString("category"), rs.getBoolean("seriously_wounded_sick"),
                rs.getString("life_status"), rs.getObject("captured_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("status"), rs.getString("status_reason"),
                (Integer) rs.getObject("phase_no"), rs.getString("military_rank"), rs.getString("outcome"),
                rs.getString("medical"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("consent_interviewed_on", LocalDate.class), rs.getString("case_reference"),
                rs.getString("authority"));
    }

    public List<SourceFacts> sourceFacts(UUID exchangeId) {
        return jdbc.sql("""
                select l.person_id, s.rank_title, s.captured_place, s.location_held, s.imported_at
                from source_record s join record_link l on l.record_id = s.id
                where s.exchange_id = ?
                  and (s.rank_title is not null or s.captured_place is not null or s.location_held is not null)
                order by s.imported_at, s.id""")
                .param(exchangeId)
                .query((rs, i) -> new SourceFacts(rs.getLong("person_id"), rs.getString("rank_title"),
                        rs.getString("captured_place"), rs.getString("location_held"),
                        rs.getObject("imported_at", OffsetDateTime.class)))
                .list();
    }

    public List<Crossing> crossings(UUID exchangeId) {
        return jdbc.sql("select person_id, phase_no, crossed, confirmed_at from handover_confirmation "
                        + "where exchange_id = ? order by confirmed_at, id")
                .param(exchangeId)
                .query((rs, i) -> new Crossing(rs.getLong("person_id"), rs.getInt("phase_no"), rs.getBoolean("crossed"),
                        rs.getObject("confirmed_at", OffsetDateTime.class)))
                .list();
    }

    public List<Intake> intakes(UUID exchangeId) {
        return jdbc.sql("select person_id, facility, comment_text, admitted_at from medical_intake where exchange_id = ?")
                .param(exchangeId)
                .query((rs, i) -> new Intake(rs.getLong("person_id"), rs.getString("facility"),
                        rs.getString("comment_text"), rs.getObject("admitted_at", OffsetDateTime.class)))
                .list();
    }

    public List<Discrepancy> personDiscrepancies(UUID exchangeId) {
        return jdbc.sql("select person_id, phase_no, kind, detail, recorded_at from phase_discrepancy "
                        + "where exchange_id = ? and person_id is not null order by recorded_at, id")
                .param(exchangeId)
                .query((rs, i) -> new Discrepancy(rs.getLong("person_id"), rs.getInt("phase_no"), rs.getString("kind"),
                        rs.getString("detail"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }
}
