package org.powexchange.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only figures for the board; every table read here is written by its own package. */
@Repository
public class BoardRepository {

    /** How many people of one side stand in one status in one phase (phase null: not scheduled yet). */
    public record Count(Integer phaseNo, String side, String status, boolean art109, int count) {
    }

    /** A person found by the name search, with the exchange they are on. */
    @Schema(name = "BoardPersonHit")
    public record PersonHit(UUID exchangeId, String agreementRef, long personId, String side, String familyName,
                            String givenName, java.time.LocalDate birthDate, String status, Integer phaseNo) {
    }

    private final JdbcClient jdbc;

    public BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Count> counts(UUID exchangeId) {
        return jdbc.sql("""
                select le.phase_no, le.list_name, le.status, p.seriously_wounded_sick, count(*) as n
                from list_entry le join person p on p.id = le.person_id
                where le.exchange_id = ?
                group by le.phase_no, le.list_name, le.status, p.seriously_wounded_sick""")
                .param(exchangeId)
                .query((rs, i) -> new Count((Integer) rs.getObject("phase_no"), rs.getString("list_name"),
                        rs.getString("status"), rs.getBoolean("seriously_wounded_sick"), rs.getInt("n")))
                .list();
    }

    /** Everyone on the lists of the running exchanges (names for the search; the normaliser caches). */
    public List<PersonHit> peopleOfRunningExchanges() {
        return jdbc.sql("""
                select e.id as exchange_id, e.agreement_ref, p.id as person_id, le.list_name, p.family_name,
                       p.given_name, p.birth_date, le.status, le.phase_no
                from person p join exchange e on e.id = p.exchange_id
                join list_entry le on le.person_id = p.id and le.exchange_id = p.exchange_id
                where e.completed_at is null
                order by e.created_at, p.family_name, p.given_name""")
                .query((rs, i) -> new PersonHit(rs.getObject("exchange_id", UUID.class), rs.getString("agreement_ref"),
                        rs.getLong("person_id"), rs.getString("list_name"), rs.getString("family_name"),
                        rs.getString("given_name"), rs.getObject("birth_date", java.time.LocalDate.class),
                        rs.getString("status"), (Integer) rs.getObject("phase_no")))
                .list();
    }
}
