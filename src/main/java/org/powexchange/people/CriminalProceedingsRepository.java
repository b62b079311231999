package org.powexchange.people;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recorded criminal proceedings per person (GC III art. 119), and which hold-back each justifies. */
@Repository
public class CriminalProceedingsRepository {

    private final JdbcClient jdbc;

    public CriminalProceedingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records proceedings; the same case reference for the same person is recorded once. */
    public CriminalProceedings record(UUID exchangeId, long personId, String caseReference, String authority,
                                      String recordedBy) {
        Optional<CriminalProceedings> known = jdbc.sql("select * from criminal_proceedings where exchange_id = ? "
                        + "and person_id = ? and case_reference = ?")
                .params(exchangeId, personId, caseReference).query(CriminalProceedingsRepository::map).optional();
        if (known.isPresent()) {
            return known.get();
        }
        jdbc.sql("insert into criminal_proceedings (exchange_id, person_id, case_reference, authority, recorded_by, "
                        + "recorded_at) values (?, ?, ?, ?, ?, ?)")
                .params(exchangeId, personId, caseReference, authority, recordedBy, OffsetDateTime.now()).update();
        return forPerson(exchangeId, personId).stream().filter(p -> p.caseReference().equals(caseReference))
                .findFirst().orElseThrow();
    }

    /** Proceedings recorded against one person, oldest first. */
    public List<CriminalProceedings> forPerson(UUID exchangeId, long personId) {
        return jdbc.sql("select * from criminal_proceedings where exchange_id = ? and person_id = ? order by id")
                .params(exchangeId, personId).query(CriminalProceedingsRepository::map).list();
    }

    /** Marks a list entry as held back under art. 119 on the ground of the given proceedings. */
    public void markHeldBack(long listEntryId, long proceedingsId) {
        jdbc.sql("update list_entry set held_back_proceedings_id = ? where id = ?")
                .params(proceedingsId, listEntryId).update();
    }

    /** Everyone held back under art. 119 in an exchange, with the proceedings that justify it. */
    public List<CriminalProceedings> heldBack(UUID exchangeId) {
        return jdbc.sql("select c.* from list_entry e join criminal_proceedings c on c.id = e.held_back_proceedings_id "
                        + "where e.exchange_id = ? order by c.person_id")
                .param(exchangeId).query(CriminalProceedingsRepository::map).list();
    }

    private static CriminalProceedings map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CriminalProceedings(rs.getLong("id"), rs.getObject("exchange_id", UUID.class), rs.getLong("person_id"),
                rs.getString("case_reference"), rs.getString("authority"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
