package org.powexchange.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Parity;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After each verification round: who passes goes forward, who fails is held back with the reason, and
 * each side tops up its own failures from its reserve (by rank) so that both sides again reach the
 * agreed size. The seriously wounded and sick are counted apart and never replaced.
 */
@Service
public class ReplacementService {

    public record Applied(int verified, int failed, String failedReasons) {
    }

    public record Proposal(String outcome, int proposed, int shortHome, int shortRelease, List<Long> proposedIds) {
    }

    /** Statuses that keep a person on the way to the handover. */
    static final Set<EntryStatus> GOING = EnumSet.of(EntryStatus.PROPOSED, EntryStatus.AWAITING_VERIFICATION,
            EntryStatus.VERIFIED);

    private static final String REPLACED_BY = "; replaced by person ";

    private final ListEntryRepository entries;
    private final VerificationRepository results;
    private final AuditLog audit;

    public ReplacementService(ListEntryRepository entries, VerificationRepository results, AuditLog audit) {
        this.entries = entries;
        this.results = results;
        this.audit = audit;
    }

    /** Applies the results of the round; anyone still without a result (the Staff proceeded past the deadline) fails. */
    @Transactional
    public Applied apply(UUID exchangeId) {
        int verified = 0;
        int failed = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().status() != EntryStatus.AWAITING_VERIFICATION) {
                continue;
            }
            var result = results.find(exchangeId, r.person().id());
            if (result.isPresent() && result.get().outcome().passes(result.get().medical())) {
                entries.setStatus(r.entry().id(), EntryStatus.VERIFIED,
                        result.get().medical() == VerificationOutcome.Medical.ESCORT ? "travels with a medical escort"
                                : r.entry().statusReason());
                verified++;
            } else {
                String reason = result.map(v -> v.outcome().name()
                        + (v.medical() == null ? "" : " (" + v.medical() + ")"))
                        .orElse(VerificationProcess.NO_RESULT_BY_DEADLINE);
                entries.setStatus(r.entry().id(), EntryStatus.FAILED_VERIFICATION, reason);
                reasons.merge(reason, 1, Integer::sum);
                failed++;
            }
        }
        String text = reasons.isEmpty() ? "none" : reasons.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElseThrow();
        audit.record(exchangeId, "system", "VERIFICATION_APPLIED", verified + " verified, " + failed + " failed", text);
        return new Applied(verified, failed, text);
    }

    /** Counted people still on the way to the handover on one side. */
    int going(List<ListEntryRepository.Row> rows, Side side) {
        return (int) rows.stream().filter(r -> r.entry().list() == side && GOING.contains(r.entry().status())
                && Parity.counts(r)).count();
    }

    /**
     * Proposes the next reserve people of each side for its shortfall against the agreed size. When a
     * side's reserve cannot cover its shortfall nothing is proposed: the Staff decides.
     */
    @Transactional
    public Proposal propose(UUID exchangeId, int agreedSize) {
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId);
        int[] need = new int[2];
        List<List<ListEntryRepository.Row>> reserve = new ArrayList<>();
        boolean exhausted = false;
        // nobody skips the review: whom the Staff removed or deferred is never a replacement unless re-reviewed
        Set<Long> settled = entries.settledByStaff(exchangeId);
        for (Side side : Side.values()) {
            need[side.ordinal()] = Math.max(0, agreedSize - going(rows, side));
            List<ListEntryRepository.Row> r = rows.stream()
                    .filter(x -> x.entry().list() == side && x.entry().status() == EntryStatus.RESERVE
                            && Parity.counts(x) && !settled.contains(x.person().id()))
                    .sorted(Comparator.comparing((ListEntryRepository.Row x) -> x.entry().rankNo(),
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            reserve.add(r);
            exhausted |= r.size() < need[side.ordinal()];
        }
        if (exhausted) {
            int shortHome = need[0] - Math.min(need[0], reserve.get(0).size());
            int shortRelease = need[1] - Math.min(need[1], reserve.get(1).size());
            audit.record(exchangeId, "system", "RESERVE_EXHAUSTED", null, "short to bring home " + shortHome
                    + ", short to release " + shortRelease + " against the agreed " + agreedSize);
            return new Proposal(VerificationProcess.RESERVE_EXHAUSTED, 0, shortHome, shortRelease, List.of());
        }
        int proposed = 0;
        List<Long> proposedIds = new ArrayList<>();
        for (Side side : Side.values()) {
            List<ListEntryRepository.Row> failedUnreplaced = rows.stream()
                    .filter(x -> x.entry().list() == side && x.entry().status() == EntryStatus.FAILED_VERIFICATION
                            && Parity.counts(x)
                            && (x.entry().statusReason() == null || !x.entry().statusReason().contains(REPLACED_BY)))
                    .toList();
            for (int i = 0; i < need[side.ordinal()]; i++) {
                ListEntryRepository.Row in = reserve.get(side.ordinal()).get(i);
                String replaces = "";
                if (i < failedUnreplaced.size()) {
                    ListEntryRepository.Row out = failedUnreplaced.get(i);
                    entries.setStatus(out.entry().id(), EntryStatus.FAILED_VERIFICATION,
                            out.entry().statusReason() + REPLACED_BY + in.person().id());
                    replaces = " for person " + out.person().id() + " (" + out.entry().statusReason() + ")";
                }
                entries.setStatus(in.entry().id(), EntryStatus.PROPOSED, "replacement from the reserve" + replaces);
                audit.record(exchangeId, "system", "REPLACEMENT_PROPOSED", "person " + in.person().id(),
                        side + ", reserve rank " + in.entry().rankNo() + replaces);
                proposed++;
                proposedIds.add(in.person().id());
            }
        }
        return new Proposal(proposed == 0 ? VerificationProcess.BALANCED : VerificationProcess.REPLACED, proposed, 0, 0,
                proposedIds);
    }

    /**
     * The Staff chose a smaller phase: both sides go forward with as many verified counted people as the
     * shorter side has; the lowest-ranked of the longer side and any unverified proposals return to the reserve.
     */
    @Transactional
    public int balanceAtSmallerSize(UUID exchangeId, String actor) {
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId);
        for (ListEntryRepository.Row r : rows) {
            if (r.entry().status() == EntryStatus.PROPOSED || r.entry().status() == EntryStatus.AWAITING_VERIFICATION) {
                entries.setStatus(r.entry().id(), EntryStatus.RESERVE, "back to the reserve: smaller phase agreed");
            }
        }
        rows = entries.rows(exchangeId);
        int size = Math.min(verified(rows, Side.BRING_HOME).size(), verified(rows, Side.RELEASE).size());
        for (Side side : Side.values()) {
            List<ListEntryRepository.Row> v = verified(rows, side);
            for (int i = size; i < v.size(); i++) {
                entries.setStatus(v.get(i).entry().id(), EntryStatus.RESERVE,
                        "verified, held for a later exchange: smaller phase agreed");
            }
        }
        audit.record(exchangeId, actor, "LISTS_BALANCED_SMALLER", size + " per side", "art. 109 people counted apart");
        return size;
    }

    private static List<ListEntryRepository.Row> verified(List<ListEntryRepository.Row> rows, Side side) {
        return rows.stream().filter(r -> r.entry().list() == side && r.entry().status() == EntryStatus.VERIFIED
                        && Parity.counts(r))
                .sorted(Comparator.comparing((ListEntryRepository.Row x) -> x.entry().rankNo(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
