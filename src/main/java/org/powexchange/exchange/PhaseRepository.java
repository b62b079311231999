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
public class PhaseRepository {

    private final JdbcClient jdbc;

    public PhaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID exchangeId, int phaseNo, int plannedSize, OffsetDateTime dueAt) {
        jdbc.sql("insert into phase (exchange_id, phase_no, planned_size, due_at, status) values (?, ?, ?, ?, ?)")
                .params(exchangeId, phaseNo, plannedSize, dueAt, Phase.PLANNED).update();
    }

    public void deleteAll(UUID exchangeId) {
        jdbc.sql("delete from phase where exchange_id = ?").param(exchangeId).update();
    }

    public void start(UUID exchangeId, int phaseNo) {
        jdbc.sql("update phase set status = ?, started_at = coalesce(started_at, ?) where exchange_id = ? and phase_no = ?")
                .params(Phase.IN_PROGRESS, OffsetDateTime.now(), exchangeId, phaseNo).update();
    }

    public void recordParity(UUID exchangeId, int phaseNo, int received, int handedOver, int art109, boolean holds) {
        jdbc.sql("update phase set received_count = ?, handed_over_count = ?, art109_count = ?, parity_holds = ? "
                        + "where exchange_id = ? and phase_no = ?")
                .params(received, handedOver, art109, holds, exchangeId, phaseNo).update();
    }

    public void complete(UUID exchangeId, int phaseNo) {
        jdbc.sql("update phase set status = ?, completed_at = ? where exchange_id = ? and phase_no = ?")
                .params(Phase.COMPLETED, OffsetDateTime.now(), exchangeId, phaseNo).update();
    }

    public void setStatus(UUID exchangeId, int phaseNo, String status) {
        jdbc.sql("update phase set status = ? where exchange_id = ? and phase_no = ?")
                .params(status, exchangeId, phaseNo).update();
    }

    /** Moves a phase's due time (renegotiated or resumed schedule). */
    public void reschedule(UUID exchangeId, int phaseNo, OffsetDateTime dueAt) {
        jdbc.sql("update phase set due_at = ? where exchange_id = ? and phase_no = ?")
                .params(dueAt, exchangeId, phaseNo).update();
    }

    public Optional<Phase> find(UUID exchangeId, int phaseNo) {
        return jdbc.sql("select * from phase where exchange_id = ? and phase_no = ?").params(exchangeId, phaseNo)
                .query(PhaseRepository::map).optional();
    }

    public List<Phase> list(UUID exchangeId) {
        return jdbc.sql("select * from phase where exchange_id = ? order by phase_no").param(exchangeId)
                .query(PhaseRepository::map).list();
    }

    static Phase map(ResultSet rs, int n) throws SQLException {
        return new Phase(rs.getObject("exchange_id", UUID.class), rs.getInt("phase_no"), rs.getInt("planned_size"),
                rs.getObject("due_at", OffsetDateTime.class), rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
                (Integer) rs.getObject("received_count"), (Integer) rs.getObject("handed_over_count"),
                (Integer) rs.getObject("art109_count"), (Boolean) rs.getObject("parity_holds"));
    }
}
