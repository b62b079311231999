package org.powexchange.people;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What may ground taking a seriously wounded or sick person (art. 109) off the list for doubt about
 * identity: a second Staff official's confirmation (written here) or the neutral party's IDENTITY_MISMATCH
 * finding (read from the verification results).
 */
@Repository
public class IdentityDoubtRepository {

    private final JdbcClient jdbc;

    public IdentityDoubtRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void confirm(UUID exchangeId, long personId, String comment, String confirmedBy) {
        jdbc.sql("insert into identity_doubt_confirmation (exchange_id, person_id, comment_text, confirmed_by, "
                        + "confirmed_at) values (?, ?, ?, ?, ?)")
                .params(exchangeId, personId, comment, confirmedBy, OffsetDateTime.now()).update();
    }

    /** Whether an official other than {@code actor} confirmed the doubt (four eyes). */
    public boolean confirmedByAnotherOfficial(UUID exchangeId, long personId, String actor) {
        return jdbc.sql("select count(*) from identity_doubt_confirmation where exchange_id = ? and person_id = ? "
                        + "and confirmed_by <> ?")
                .params(exchangeId, personId, actor).query(Integer.class).single() > 0;
    }

    /** Whether the neutral party found that the person is not who the list says. */
    public boolean neutralPartyFoundMismatch(UUID exchangeId, long personId) {
        return jdbc.sql("select count(*) from verification_result where exchange_id = ? and person_id = ? "
                        + "and outcome = 'IDENTITY_MISMATCH'")
                .params(exchangeId, personId).query(Integer.class).single() > 0;
    }
}
