package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirmation of who crossed at the exchange point, and the parity of a phase. */
@Service
public class HandoverService {

    public record Parity(int received, int handedOver, int art109, boolean holds) {
    }

    private final ListEntryRepository entries;
    private final PhaseRepository phases;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public HandoverService(ListEntryRepository entries, PhaseRepository phases, JdbcClient jdbc, AuditLog audit) {
        this.entries = entries;
        this.phases = phases;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The scheduled people of a phase on one side, by person id. */
    public Set<Long> scheduled(UUID exchangeId, int phaseNo, Side side) {
        Set<Long> ids = new HashSet<>();
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            if (r.entry().list() == side && r.entry().status() == EntryStatus.SCHEDULED) {
                ids.add(r.person().id());
            }
        }
        return ids;
    }

    /**
     * Everyone scheduled in the phase is either confirmed as crossed or recorded as not exchanged,
     * with the reason, so that nobody is silently left behind.
     */
    @Transactional
    public void confirm(UUID exchangeId, int phaseNo, Set<Long> crossed, String officer, String remark) {
        int handed = 0;
        int notExchanged = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            if (r.entry().status() != EntryStatus.SCHEDULED) {
                continue;
            }
            boolean did = crossed.contains(r.person().id());
            jdbc.sql("insert into handover_confirmation (exchange_id, phase_no, person_id, crossed, confirmed_by, confirmed_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(exchangeId, phaseNo, r.person().id(), did, officer, now).update();
            if (did) {
                entries.setStatus(r.entry().id(), EntryStatus.HANDED_OVER, null);
                handed++;
            } else {
                entries.setStatus(r.entry().id(), EntryStatus.NOT_EXCHANGED,
                        "did not cross in phase " + phaseNo + (remark == null ? "" : ": " + remark));
                notExchanged++;
            }
        }
        audit.record(exchangeId, officer, "HANDOVER_CONFIRMED", "phase " + phaseNo,
                handed + " crossed, " + notExchanged + " not exchanged" + (remark == null ? "" : "; " + remark));
    }

    /** Received equals handed over; the seriously wounded and sick are counted apart (art. 109). */
    @Transactional
    public Parity checkParity(UUID exchangeId, int phaseNo) {
        int received = 0;
        int handedOver = 0;
        int art109 = 0;
        List<ListEntryRepository.Row> rows = entries.phaseRows(exchangeId, phaseNo);
        for (ListEntryRepository.Row r : rows) {
            if (r.entry().status() != EntryStatus.HANDED_OVER) {
                continue;
            }
            if (r.person().seriouslyWoundedSick()) {
                art109++;
            } else if (r.entry().list() == Side.BRING_HOME) {
                received++;
            } else {
                handedOver++;
            }
        }
        boolean holds = received == handedOver;
        phases.recordParity(exchangeId, phaseNo, received, handedOver, art109, holds);
        audit.record(exchangeId, "system", holds ? "PARITY_HOLDS" : "PARITY_DISCREPANCY", "phase " + phaseNo,
                "received " + received + ", handed over " + handedOver + ", art. 109 apart " + art109);
        return new Parity(received, handedOver, art109, holds);
    }
}
