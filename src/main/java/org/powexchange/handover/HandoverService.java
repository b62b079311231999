package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirmation of who crossed at the exchange point, the shortfall policy, and the parity of a phase. */
@Service
public class HandoverService {

    public record Parity(int received, int handedOver, int art109, boolean holds) {
    }

    /** What a confirmation did: who crossed, who was held back for parity, who moved on to a later phase. */
    public record Outcome(int received, int handedOver, int art109, List<Long> heldBack, List<Long> movedOn,
                          List<Long> notExchanged) {
    }

    static final String HELD_BACK = "HELD_BACK";
    static final String NO_SHOW = "NO_SHOW";
    static final String SHORTFALL_THEIRS = "SHORTFALL_THEIRS";
    static final String SHORTFALL_OURS = "SHORTFALL_OURS";

    private final ListEntryRepository entries;
    private final PhaseRepository phases;
    private final HandoverRepository records;
    private final HandoverProperties props;
    private final AuditLog audit;

    public HandoverService(ListEntryRepository entries, PhaseRepository phases, HandoverRepository records,
                           HandoverProperties props, AuditLog audit) {
        this.entries = entries;
        this.phases = phases;
        this.records = records;
        this.props = props;
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
     * Everyone scheduled in the phase either crossed, or is held back for parity, or did not turn up;
     * whoever did not cross returns to the pool for the next phase with the reason (or, after the last
     * phase, is recorded as not exchanged), so nobody is silently left behind.
     *
     * @param received   people of ours the other side delivered (crossed to us)
     * @param handedOver people we let cross to the other side
     */
    @Transactional
    public Outcome confirm(UUID exchangeId, int phaseNo, Set<Long> received, Set<Long> handedOver, String officer,
                           String remark) {
        List<ListEntryRepository.Row> rows = entries.phaseRows(exchangeId, phaseNo).stream()
                .filter(r -> r.entry().status() == EntryStatus.SCHEDULED).toList();
        int receivedCounted = (int) rows.stream().filter(r -> r.entry().list() == Side.BRING_HOME
                && received.contains(r.person().id()) && !r.person().seriouslyWoundedSick()).count();
        List<ListEntryRepository.Row> oursCounted = rows.stream().filter(r -> r.entry().list() == Side.RELEASE
                && handedOver.contains(r.person().id()) && !r.person().seriouslyWoundedSick()).toList();
        int shortfall = oursCounted.size() - receivedCounted;
        Set<Long> heldBack = new HashSet<>();
        if (shortfall > 0 && props.shortfallPolicy() == HandoverProperties.ShortfallPolicy.HOLD_BACK) {
            // the lowest priority of ours stays back; an art. 109 person never does (not in oursCounted)
            oursCounted.stream()
                    .sorted(Comparator.comparing((ListEntryRepository.Row r) -> r.entry().rankNo(),
                            Comparator.nullsFirst(Comparator.reverseOrder())).thenComparing(r -> -r.person().id()))
                    .limit(shortfall)
                    .forEach(r -> heldBack.add(r.person().id()));
        }
        if (shortfall > 0) {
            records.discrepancy(exchangeId, phaseNo, SHORTFALL_THEIRS, null, "the other side delivered " + receivedCounted
                    + " against " + oursCounted.size() + " of ours; policy " + props.shortfallPolicy()
                    + (heldBack.isEmpty() ? "" : ", " + heldBack.size() + " of ours held back"), officer);
        } else if (shortfall < 0) {
            records.discrepancy(exchangeId, phaseNo, SHORTFALL_OURS, null, "we handed over " + oursCounted.size()
                    + " against " + receivedCounted + " received", officer);
        }
        boolean lastPhase = phases.find(exchangeId, phaseNo + 1).isEmpty();
        OffsetDateTime now = OffsetDateTime.now();
        int in = 0;
        int out = 0;
        int art109 = 0;
        List<Long> movedOn = new ArrayList<>();
        List<Long> notExchanged = new ArrayList<>();
        for (ListEntryRepository.Row r : rows) {
            long id = r.person().id();
            boolean crossed = (r.entry().list() == Side.BRING_HOME ? received : handedOver).contains(id)
                    && !heldBack.contains(id);
            records.confirmation(exchangeId, phaseNo, id, crossed, officer, now);
            if (crossed) {
                entries.setStatus(r.entry().id(), EntryStatus.HANDED_OVER, null);
                if (r.person().seriouslyWoundedSick()) {
                    art109++;
                } else if (r.entry().list() == Side.BRING_HOME) {
                    in++;
                } else {
                    out++;
                }
                continue;
            }
            String reason;
            if (heldBack.contains(id)) {
                reason = "held back for parity in phase " + phaseNo + ": the other side delivered " + shortfall + " fewer";
                records.discrepancy(exchangeId, phaseNo, HELD_BACK, id, reason, officer);
            } else {
                reason = "did not cross in phase " + phaseNo + (remark == null ? "" : ": " + remark);
                records.discrepancy(exchangeId, phaseNo, NO_SHOW, id, reason, officer);
            }
            if (lastPhase) {
                entries.setStatus(r.entry().id(), EntryStatus.NOT_EXCHANGED, reason + "; no later phase");
                notExchanged.add(id);
            } else {
                entries.update(r.entry().id(), r.entry().rankNo(), phaseNo + 1, EntryStatus.SCHEDULED,
                        reason + "; moved to phase " + (phaseNo + 1));
                movedOn.add(id);
            }
        }
        audit.record(exchangeId, officer, "HANDOVER_CONFIRMED", "phase " + phaseNo,
                in + " received, " + out + " handed over, " + art109 + " art. 109, " + heldBack.size() + " held back, "
                        + movedOn.size() + " moved to the next phase, " + notExchanged.size() + " not exchanged"
                        + (remark == null ? "" : "; " + remark));
        return new Outcome(in, out, art109, List.copyOf(heldBack), movedOn, notExchanged);
    }

    /** Received equals handed over; the seriously wounded and sick are counted apart (art. 109). */
    @Transactional
    public Parity checkParity(UUID exchangeId, int phaseNo) {
        int received = 0;
        int handedOver = 0;
        int art109 = 0;
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            if (r.entry().status() != EntryStatus.HANDED_OVER && r.entry().status() != EntryStatus.REPATRIATED) {
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
