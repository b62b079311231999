package org.powexchange.demo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which exchanges the demo seed created: it never touches any other. */
@Repository
public class DemoSeedRepository {

    public record Seeded(String agreementRef, UUID exchangeId, String target, OffsetDateTime reachedAt) {
    }

    private final JdbcClient jdbc;

    public DemoSeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Seeded> find(String agreementRef) {
        return jdbc.sql("select agreement_ref, exchange_id, target, reached_at from demo_seed where agreement_ref = ?")
                .param(agreementRef).query(DemoSeedRepository::map).optional();
    }

    public List<Seeded> unfinished() {
        return jdbc.sql("select agreement_ref, exchange_id, target, reached_at from demo_seed "
                + "where reached_at is null and exchange_id is not null").query(DemoSeedRepository::map).list();
    }

    public void insert(String agreementRef, UUID exchangeId, String target) {
        jdbc.sql("insert into demo_seed (agreement_ref, exchange_id, target, seeded_at) values (?, ?, ?, ?)")
                .params(agreementRef, exchangeId, target, OffsetDateTime.now()).update();
    }

    public void reached(String agreementRef) {
        jdbc.sql("update demo_seed set reached_at = ? where agreement_ref = ?")
                .params(OffsetDateTime.now(), agreementRef).update();
    }

    private static Seeded map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Seeded(rs.getString("agreement_ref"), rs.getObject("exchange_id", UUID.class), rs.getString("target"),
                rs.getObject("reached_at", OffsetDateTime.class));
    }
}
