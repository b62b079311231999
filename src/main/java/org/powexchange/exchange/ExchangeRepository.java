package org.powexchange.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ExchangeRepository {

    private final JdbcClient jdbc;

    public ExchangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Exchange e) {
        jdbc.sql("insert into exchange (id, agreement_ref, title, formula_size, phase_sizes, status, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.agreementRef(), e.title(), e.formulaSize(), Exchange.encode(e.phaseSizes()), e.status(),
                        e.createdAt(), e.createdBy())
                .update();
    }

    public void setProcessInstance(UUID id, String processInstanceId) {
        jdbc.sql("update exchange set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void setRatified(UUID id, OffsetDateTime at, String doc) {
        jdbc.sql("update exchange set ratified_at = ?, ratification_doc = ? where id = ?").params(at, doc, id).update();
    }

    /** The due times agreed per phase in the ratified agreement (phase 1 first). */
    public void setAgreedPhaseDates(UUID id, List<OffsetDateTime> dueAt) {
        jdbc.sql("delete from agreed_phase_date where exchange_id = ?").param(id).update();
        for (int k = 0; k < dueAt.size(); k++) {
            jdbc.sql("insert into agreed_phase_date (exchange_id, phase_no, due_at) values (?, ?, ?)")
                    .params(id, k + 1, dueAt.get(k)).update();
        }
    }

    /** The agreed due times per phase, phase 1 first; empty when the agreement named none. */
    public List<OffsetDateTime> agreedPhaseDates(UUID id) {
        return jdbc.sql("select due_at from agreed_phase_date where exchange_id = ? order by phase_no").param(id)
                .query((rs, n) -> rs.getObject("due_at", OffsetDateTime.class)).list();
    }

    public void setCompleted(UUID id, OffsetDateTime at) {
        jdbc.sql("update exchange set status = ?, completed_at = ? where id = ?")
                .params(Exchange.COMPLETED, at, id).update();
    }

    public Optional<Exchange> find(UUID id) {
        return jdbc.sql("select * from exchange where id = ?").param(id).query(ExchangeRepository::map).optional();
    }

    /** Locks the exchange row so concurrent API calls on one exchange run one after the other. */
    public Optional<Exchange> lock(UUID id) {
        return jdbc.sql("select * from exchange where id = ? for update").param(id).query(ExchangeRepository::map).optional();
    }

    public Optional<Exchange> findByAgreementRef(String ref) {
        return jdbc.sql("select * from exchange where agreement_ref = ?").param(ref).query(ExchangeRepository::map).optional();
    }

    public List<Exchange> list(int limit, int offset) {
        return jdbc.sql("select * from exchange order by created_at desc, id limit ? offset ?").params(limit, offset)
                .query(ExchangeRepository::map).list();
    }

    static Exchange map(ResultSet rs, int n) throws SQLException {
        return new Exchange(rs.getObject("id", UUID.class), rs.getString("agreement_ref"), rs.getString("title"),
                rs.getInt("formula_size"), Exchange.decode(rs.getString("phase_sizes")), rs.getString("status"),
                rs.getString("process_instance_id"), rs.getObject("ratified_at", OffsetDateTime.class),
                rs.getString("ratification_doc"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getObject("completed_at", OffsetDateTime.class));
    }
}
