package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * Splits the verified lists into the agreement's phases, highest priority first, never earlier than the
 * phase a person was deferred to in review ({@link ListEntryRepository#deferredToPhase}). Each phase takes
 * the same number of counted people from each side (parity per phase, {@link Parity}). The seriously wounded
 * and sick all go, in phase 1 or the phase they were deferred to, and are not counted against the phase size
 * (art. 109): none of them is ever left unscheduled because the counted places are full.
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
        Map<Long, Integer> notBefore = entries.deferredToPhase(exchangeId);
        Map<Side, List<ListEntryRepository.Row>> waiting = new EnumMap<>(Side.class);
        int art109 = 0;
        for (Side side : Side.values()) {
            List<ListEntryRepository.Row> counted = new ArrayList<>();
            for (ListEntryRepository.Row r : entries.rows(exchangeId, side, EntryStatus.VERIFIED)) {
                if (Parity.apart(r.person())) {
                    // art. 109: every one goes, whatever the numbers, in the earliest phase the review allowed
                    scheduleArt109(r, notBefore.get(r.person().id()), sizes.size());
                    art109++;
                } else {
                    counted.add(r);
                }
            }
            waiting.put(side, counted);
        }
        // counted people phase by phase, the same number on each side (parity per phase), rank order within
        // what each person's deferral allows; whoever does not fit stays verified, available as reserve
        List<Integer> plannedCounted = new ArrayList<>();
        for (int k = 1; k <= sizes.size(); k++) {
            int phaseNo = k;
            Map<Side, List<ListEntryRepository.Row>> eligible = new EnumMap<>(Side.class);
            int take = sizes.get(k - 1);
            for (Side side : Side.values()) {
                List<ListEntryRepository.Row> allowed = waiting.get(side).stream()
                        .filter(r -> notBefore.getOrDefault(r.person().id(), 1) <= phaseNo).toList();
                eligible.put(side, allowed);
                take = Math.min(take, allowed.size());
            }
            for (Side side : Side.values()) {
                for (ListEntryRepository.Row r : eligible.get(side).subList(0, take)) {
                    Integer deferred = notBefore.get(r.person().id());
                    entries.update(r.entry().id(), r.entry().rankNo(), phaseNo, EntryStatus.SCHEDULED,
                            deferred == null || deferred <= 1 ? null
                                    : "deferred in review to phase " + deferred + " or later");
                    waiting.get(side).remove(r);
                }
            }
            plannedCounted.add(take);
        }
        audit.record(exchangeId, "system", "PHASES_PLANNED", sizes.size() + " phases",
                "sizes " + sizes + ", counted per side and phase " + plannedCounted + ", " + art109
                        + " art. 109 outside parity, phase 1 due " + due);
        return sizes.size();
    }

    /**
     * An art. 109 person goes regardless of numbers: phase 1, or the phase the review deferred them to
     * (a deferral beyond the phases agreed since falls to the last phase: they must still go).
     */
    private void scheduleArt109(ListEntryRepository.Row r, Integer deferredTo, int phaseCount) {
        int phaseNo = deferredTo == null ? 1 : Math.max(1, Math.min(deferredTo, phaseCount));
        entries.update(r.entry().id(), r.entry().rankNo(), phaseNo, EntryStatus.SCHEDULED, phaseNo == 1
                ? "art. 109: first phase, outside parity"
                : "art. 109: phase " + phaseNo + " (deferred in review), outside parity");
    }
}
