package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.Parity;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splits the verified lists into the agreement's phases, highest priority first. The seriously
 * wounded and sick all go in phase 1 and are not counted against the phase size (art. 109).
 */
@Service
public class PhasePlanner {

    private final ExchangeRepository exchanges;
    private final PhaseRepository phases;
    private final ListEntryRepository entries;
    private final HandoverProperties props;
    private final AuditLog audit;

    public PhasePlanner(ExchangeRepository exchanges, PhaseRepository phases, ListEntryRepository entries,
                        HandoverProperties props, AuditLog audit) {
        this.exchanges = exchanges;
        this.phases = phases;
        this.entries = entries;
        this.props = props;
        this.audit = audit;
    }

    /** Returns the number of phases. */
    @Transactional
    public int plan(UUID exchangeId) {
        Exchange e = exchanges.find(exchangeId).orElseThrow();
        if (e.ratifiedAt() == null) {
            throw new IllegalStateException("exchange " + exchangeId + " is not ratified; nothing is scheduled before");
        }
        List<Integer> sizes = e.phaseSizes();
        phases.deleteAll(exchangeId);
        // the agreed per-phase dates of the ratified agreement, else the configured first due time and interval
        List<OffsetDateTime> agreed = exchanges.agreedPhaseDates(exchangeId);
        OffsetDateTime due = agreed.isEmpty() ? e.ratifiedAt().plus(props.firstPhaseDue()) : agreed.get(0);
        for (int k = 0; k < sizes.size(); k++) {
            phases.insert(exchangeId, k + 1, sizes.get(k), agreed.size() == sizes.size() ? agreed.get(k)
                    : due.plus(props.phaseInterval().multipliedBy(k)));
        }
        for (Side side : Side.values()) {
            int phase = 0;
            int filled = 0;
            for (ListEntryRepository.Row r : entries.rows(exchangeId, side, EntryStatus.VERIFIED)) {
                if (Parity.apart(r.person())) {
                    entries.update(r.entry().id(), r.entry().rankNo(), 1, EntryStatus.SCHEDULED,
                            "art. 109: first phase, outside parity");
                    continue;
                }
                while (phase < sizes.size() && filled >= sizes.get(phase)) {
                    phase++;
                    filled = 0;
                }
                if (phase >= sizes.size()) {
                    break; // beyond the agreed numbers: stays verified, available as reserve
                }
                entries.update(r.entry().id(), r.entry().rankNo(), phase + 1, EntryStatus.SCHEDULED, null);
                filled++;
            }
        }
        audit.record(exchangeId, "system", "PHASES_PLANNED", sizes.size() + " phases",
                "sizes " + sizes + ", phase 1 due " + due);
        return sizes.size();
    }
}
