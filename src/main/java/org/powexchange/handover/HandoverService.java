package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Parity;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.CriminalProceedings;
import org.powexchange.people.CriminalProceedingsRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.powexchange.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crossing of a phase, in the order it happens at the exchange point: the other side's manifest is
 * recorded first and parity and any hold-back are decided on it (so a shortfall is known before anyone of
 * ours crosses, and nobody held back can then be confirmed as crossed); then who crossed is confirmed, only
 * for people with recorded consent (GC III art. 109(3)); a mistaken confirmation is corrected by a second
 * official of the Staff.
 */
@Service
public class HandoverService {

    public record ParityCheck(int received, int handedOver, int art109, boolean holds) {
    }

    /** What the manifest decided: counted figures, who of ours is held back, who of ours they did not bring. */
    public record ManifestOutcome(int brought, int ours, int art109, int theirShortfall, List<Long> heldBack,
                                  List<Long> heldForProceedings, List<Long> notBrought) {
    }

    /** What a confirmation did: who crossed, who refused at the crossing, who moved on to a later phase. */
    public record Outcome(int received, int handedOver, int art109, List<Long> refused, List<Long> movedOn,
                          List<Long> notExchanged) {
    }

    static final String WANTS_REPATRIATION = "WANTS_REPATRIATION";
    static final String HELD_BACK = "HELD_BACK";
    static final String HELD_BACK_ART119 = "HELD_BACK_ART119";
    static final String NOT_BROUGHT = "NOT_BROUGHT";
    static final String NO_SHOW = "NO_SHOW";
    static final String REFUSED_AT_CROSSING = "REFUSED_AT_CROSSING";
    static final String SHORTFALL_THEIRS = "SHORTFALL_THEIRS";
    static final String SHORTFALL_OURS = "SHORTFALL_OURS";
    static final String CORRECTED = "CORRECTED";

    private final ListEntryRepository entries;
    private final PhaseRepository phases;
    private final HandoverRepository records;
    private final CriminalProceedingsRepository proceedings;
    private final HandoverProperties props;
    private final AuditLog audit;

    public HandoverService(ListEntryRepository entries, PhaseRepository phases, HandoverRepository records,
                           CriminalProceedingsRepository proceedings, HandoverProperties props, AuditLog audit) {
        this.entries = entries;
        this.phases = phases;
        this.records = records;
        this.proceedings = proceedings;
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
     * Records the other side's manifest and decides on it, before anyone crosses: of ours they did not
     * bring, each is recorded and moves to the next phase; people of ours held back for recorded criminal
     * proceedings (art. 119, never an art. 109 person) leave the phase; when they bring fewer counted people
     * than we are to release, the policy HOLD_BACK keeps back as many of ours, lowest priority first and
     * never an art. 109 person. Whoever is held back is no longer scheduled in this phase, so cannot be
     * confirmed as crossed in it.
     *
     * @param brought            people of ours the other side brought to the crossing point
     * @param heldForProceedings people we hold whom the Staff holds back under art. 119
     */
    @Transactional
    public ManifestOutcome recordManifest(UUID exchangeId, int phaseNo, Collection<Long> brought,
                                          Collection<Long> heldForProceedings, String actor) {
        if (records.manifestRecorded(exchangeId, phaseNo)) {
            throw ApiException.conflict("brought", "the manifest of phase " + phaseNo + " was already recorded");
        }
        List<ListEntryRepository.Row> rows = entries.phaseRows(exchangeId, phaseNo).stream()
                .filter(r -> r.entry().status() == EntryStatus.SCHEDULED).toList();
        Set<Long> broughtSet = distinct("brought", brought, ids(rows, Side.BRING_HOME));
        Set<Long> art119 = distinct("heldForProceedings", heldForProceedings, ids(rows, Side.RELEASE));
        boolean lastPhase = phases.find(exchangeId, phaseNo + 1).isEmpty();
        List<Long> notBrought = new ArrayList<>();
        List<Long> forProceedings = new ArrayList<>();
        List<ListEntryRepository.Row> ours = new ArrayList<>();
        for (ListEntryRepository.Row r : rows) {
            long id = r.person().id();
            if (r.entry().list() == Side.BRING_HOME) {
                if (!broughtSet.contains(id)) {
                    String reason = "not on the other side's manifest in phase " + phaseNo;
                    records.discrepancy(exchangeId, phaseNo, NOT_BROUGHT, id, reason, actor);
                    moveOn(r, phaseNo, lastPhase, reason);
                    notBrought.add(id);
                }
            } else if (art119.contains(id)) {
                holdForProceedings(exchangeId, phaseNo, r, actor);
                forProceedings.add(id);
            } else {
                ours.add(r);
            }
        }
        Parity.Tally tally = Parity.Tally.NONE;
        for (ListEntryRepository.Row r : rows) {
            if (r.entry().list() == Side.BRING_HOME && broughtSet.contains(r.person().id())) {
                tally = tally.plus(Side.BRING_HOME, Parity.apart(r.person()));
            }
        }
        for (ListEntryRepository.Row r : ours) {
            tally = tally.plus(Side.RELEASE, Parity.apart(r.person()));
        }
        int shortfall = tally.theirShortfall();
        List<Long> heldBack = new ArrayList<>();
        if (shortfall > 0 && props.shortfallPolicy() == HandoverProperties.ShortfallPolicy.HOLD_BACK) {
            List<ListEntryRepository.Row> chosen = ours.stream().filter(Parity::counts)
                    .sorted(Comparator.comparing((ListEntryRepository.Row r) -> r.entry().rankNo(),
                            Comparator.nullsFirst(Comparator.reverseOrder())).thenComparing(r -> -r.person().id()))
                    .limit(shortfall).toList();
            for (ListEntryRepository.Row r : chosen) {
                String reason = "held back for parity in phase " + phaseNo + ": the other side brought " + shortfall
                        + " fewer";
                records.discrepancy(exchangeId, phaseNo, HELD_BACK, r.person().id(), reason, actor);
                moveOn(r, phaseNo, lastPhase, reason);
                heldBack.add(r.person().id());
            }
        }
        if (shortfall > 0) {
            records.discrepancy(exchangeId, phaseNo, SHORTFALL_THEIRS, null, "the other side brought " + tally.bringHome()
                    + " against " + tally.release() + " of ours; policy " + props.shortfallPolicy()
                    + (heldBack.isEmpty() ? "" : ", " + heldBack.size() + " of ours held back"), actor);
        } else if (tally.ourShortfall() > 0) {
            records.discrepancy(exchangeId, phaseNo, SHORTFALL_OURS, null, "we bring " + tally.release()
                    + " against " + tally.bringHome() + " they brought", actor);
        }
        records.manifest(exchangeId, phaseNo, broughtSet, shortfall, actor);
        audit.record(exchangeId, actor, "MANIFEST_RECORDED", "phase " + phaseNo, broughtSet.size()
                + " of ours brought (" + tally.bringHome() + " counted), " + tally.release() + " of theirs counted, "
                + notBrought.size() + " not brought, " + heldBack.size() + " held back for parity, "
                + forProceedings.size() + " held back for criminal proceedings (art. 119)");
        return new ManifestOutcome(tally.bringHome(), tally.release(), tally.art109(), shortfall, heldBack,
                forProceedings, notBrought);
    }

    private void holdForProceedings(UUID exchangeId, int phaseNo, ListEntryRepository.Row r, String actor) {
        long id = r.person().id();
        if (Parity.apart(r.person())) {
            throw ApiException.badRequest("heldForProceedings", "person " + id + " is seriously wounded or sick: "
                    + "GC III art. 109 requires repatriation regardless of number; they can never be held back");
        }
        List<CriminalProceedings> recorded = proceedings.forPerson(exchangeId, id);
        if (recorded.isEmpty()) {
            throw ApiException.badRequest("heldForProceedings", "person " + id + " has no recorded criminal proceedings: "
                    + "GC III art. 119 allows a hold-back only for proceedings on record (case reference and authority)");
        }
        CriminalProceedings p = recorded.get(recorded.size() - 1);
        proceedings.markHeldBack(r.entry().id(), p.id());
        String reason = "held back at the crossing in phase " + phaseNo + " for criminal proceedings (art. 119): case "
                + p.caseReference() + ", " + p.authority();
        entries.setStatus(r.entry().id(), EntryStatus.TRACKED, reason);
        records.discrepancy(exchangeId, phaseNo, HELD_BACK_ART119, id, reason, actor);
    }

    /**
     * Refuses (409) anyone without the neutral party's recorded finding that they want to be repatriated
     * (art. 109(3)): nobody is confirmed as crossed, in either direction, without it.
     */
    public void requireConsent(UUID exchangeId, String field, Collection<Long> personIds) {
        Map<Long, String> consent = records.consent(exchangeId, personIds);
        Set<Long> without = new TreeSet<>();
        for (Long id : personIds) {
            if (!WANTS_REPATRIATION.equals(consent.get(id))) {
                without.add(id);
            }
        }
        if (!without.isEmpty()) {
            throw ApiException.conflict(field, "no recorded consent to repatriation (GC III art. 109(3): the neutral "
                    + "party's finding WANTS_REPATRIATION) for people " + without + "; they cannot be confirmed as crossed");
        }
    }

    /**
     * Confirms who crossed, after the manifest: a person of ours crosses only if the other side brought them;
     * anyone crossing needs recorded consent; whoever refused at the crossing is recorded as such (not
     * exchanged, a task for the Staff follows), never moved on silently; anyone else who did not cross is
     * recorded as a no-show and moves to the next phase (or, after the last, is not exchanged).
     *
     * @param received   people of ours who crossed to us
     * @param handedOver people we let cross to the other side
     * @param refused    people of either side who refused at the crossing to be repatriated
     */
    @Transactional
    public Outcome confirm(UUID exchangeId, int phaseNo, Collection<Long> received, Collection<Long> handedOver,
                           Collection<Long> refused, String officer, String remark) {
        if (!records.manifestRecorded(exchangeId, phaseNo)) {
            throw ApiException.conflict(null, "the other side's manifest of phase " + phaseNo
                    + " is recorded before anyone crosses");
        }
        List<ListEntryRepository.Row> all = entries.phaseRows(exchangeId, phaseNo);
        List<ListEntryRepository.Row> rows = all.stream().filter(r -> r.entry().status() == EntryStatus.SCHEDULED).toList();
        Set<Long> heldBack = new HashSet<>();
        records.discrepancies(exchangeId, phaseNo).stream()
                .filter(d -> d.personId() != null && (HELD_BACK.equals(d.kind()) || HELD_BACK_ART119.equals(d.kind())))
                .forEach(d -> heldBack.add(d.personId()));
        for (Long id : handedOver) {
            if (heldBack.contains(id)) {
                throw ApiException.badRequest("handedOver", "person " + id + " was held back in phase " + phaseNo
                        + " on the manifest: a person cannot be both held back and handed over");
            }
        }
        Set<Long> brought = records.brought(exchangeId, phaseNo);
        Set<Long> in = distinct("received", received, ids(rows, Side.BRING_HOME));
        for (Long id : in) {
            if (!brought.contains(id)) {
                throw ApiException.badRequest("received", "person " + id + " is not on the other side's manifest");
            }
        }
        Set<Long> out = distinct("handedOver", handedOver, ids(rows, Side.RELEASE));
        Set<Long> scheduledAll = new HashSet<>(ids(rows, Side.BRING_HOME));
        scheduledAll.addAll(ids(rows, Side.RELEASE));
        Set<Long> refusing = distinct("refused", refused, scheduledAll);
        for (Long id : refusing) {
            if (in.contains(id) || out.contains(id)) {
                throw ApiException.badRequest("refused", "person " + id + " is confirmed both as crossed and as refusing");
            }
        }
        // art. 109: a seriously wounded or sick person we hold goes regardless of numbers; leaving them out of
        // the crossing would hold them back (a no-show moves on, after the last phase not exchanged): only
        // their own refusal (art. 109(3)) keeps them
        List<String> leftOut = new ArrayList<>();
        for (ListEntryRepository.Row r : rows) {
            long id = r.person().id();
            if (r.entry().list() == Side.RELEASE && Parity.apart(r.person()) && !out.contains(id)
                    && !refusing.contains(id)) {
                leftOut.add("person " + id + " (" + r.person().displayName() + ")");
            }
        }
        if (!leftOut.isEmpty()) {
            throw ApiException.badRequest("handedOver", String.join(", ", leftOut) + " seriously wounded or sick, "
                    + "held by us: GC III art. 109 requires repatriation regardless of number, so they cannot be held "
                    + "back at the crossing; confirm them as handed over, or as refusing to be repatriated (art. 109(3))");
        }
        Set<Long> crossing = new HashSet<>(in);
        crossing.addAll(out);
        requireConsent(exchangeId, in.isEmpty() ? "handedOver" : "received", crossing);

        boolean lastPhase = phases.find(exchangeId, phaseNo + 1).isEmpty();
        OffsetDateTime now = OffsetDateTime.now();
        int art109 = 0;
        int countedIn = 0;
        int countedOut = 0;
        List<Long> refusedIds = new ArrayList<>();
        List<Long> movedOn = new ArrayList<>();
        List<Long> notExchanged = new ArrayList<>();
        for (ListEntryRepository.Row r : rows) {
            long id = r.person().id();
            boolean crossed = crossing.contains(id);
            records.confirmation(exchangeId, phaseNo, id, crossed, officer, now);
            if (crossed) {
                entries.setStatus(r.entry().id(), EntryStatus.HANDED_OVER, null);
                if (Parity.apart(r.person())) {
                    art109++;
                } else if (r.entry().list() == Side.BRING_HOME) {
                    countedIn++;
                } else {
                    countedOut++;
                }
            } else if (refusing.contains(id)) {
                String reason = "refused at the crossing in phase " + phaseNo + " to be repatriated (art. 109(3))"
                        + (remark == null ? "" : ": " + remark) + "; the Coordination Staff follows up";
                records.discrepancy(exchangeId, phaseNo, REFUSED_AT_CROSSING, id, reason, officer);
                entries.setStatus(r.entry().id(), EntryStatus.NOT_EXCHANGED, reason);
                refusedIds.add(id);
            } else {
                String reason = "did not cross in phase " + phaseNo + (remark == null ? "" : ": " + remark);
                records.discrepancy(exchangeId, phaseNo, NO_SHOW, id, reason, officer);
                if (moveOn(r, phaseNo, lastPhase, reason)) {
                    movedOn.add(id);
                } else {
                    notExchanged.add(id);
                }
            }
        }
        audit.record(exchangeId, officer, "HANDOVER_CONFIRMED", "phase " + phaseNo,
                countedIn + " received, " + countedOut + " handed over, " + art109 + " art. 109, " + refusedIds.size()
                        + " refused at the crossing, " + movedOn.size() + " moved to the next phase, " + notExchanged.size()
                        + " not exchanged" + (remark == null ? "" : "; " + remark));
        return new Outcome(countedIn, countedOut, art109, refusedIds, movedOn, notExchanged);
    }

    /**
     * A second official of the Staff corrects one person's confirmation (four eyes): never the official who
     * confirmed it; the reason is required; the correction is kept beside the record, audited, and the
     * phase's parity is recounted. A person corrected to crossed needs recorded consent like anyone else.
     */
    @Transactional
    public ParityCheck correct(UUID exchangeId, int phaseNo, long personId, boolean crossed, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "a correction needs its reason");
        }
        HandoverRepository.Confirmation before = records.confirmation(exchangeId, phaseNo, personId).orElseThrow(() ->
                ApiException.badRequest("personId", "person " + personId + " has no confirmation in phase " + phaseNo));
        if (actor.equals(before.confirmedBy())) {
            throw ApiException.conflict("personId", "the confirmation of person " + personId + " was made by " + actor
                    + ": a second official of the Coordination Staff corrects it (four eyes)");
        }
        if (before.crossed() == crossed) {
            throw ApiException.badRequest("crossed", "person " + personId + " is already recorded as "
                    + (crossed ? "crossed" : "not crossed"));
        }
        ListEntryRepository.Row row = entries.row(exchangeId, personId).orElseThrow();
        if (crossed) {
            requireConsent(exchangeId, "personId", List.of(personId));
            boolean closed = phases.find(exchangeId, phaseNo).map(p -> p.completedAt() != null).orElse(false);
            entries.setStatus(row.entry().id(), closed && row.entry().list() == Side.BRING_HOME
                    ? EntryStatus.REPATRIATED : EntryStatus.HANDED_OVER, "corrected: crossed in phase " + phaseNo
                    + " – " + reason);
        } else {
            entries.setStatus(row.entry().id(), EntryStatus.NOT_EXCHANGED, "corrected: did not cross in phase " + phaseNo
                    + " – " + reason);
        }
        records.correct(exchangeId, phaseNo, before, crossed, reason, actor);
        records.discrepancy(exchangeId, phaseNo, CORRECTED, personId, "confirmation by " + before.confirmedBy()
                + " corrected to " + (crossed ? "crossed" : "not crossed") + ": " + reason, actor);
        audit.record(exchangeId, actor, "CROSSING_CORRECTED", "phase " + phaseNo + ", person " + personId,
                (crossed ? "crossed" : "did not cross") + "; confirmed by " + before.confirmedBy() + "; " + reason);
        return checkParity(exchangeId, phaseNo);
    }

    /** Received equals handed over on the counted people; the art. 109 people are counted apart. */
    @Transactional
    public ParityCheck checkParity(UUID exchangeId, int phaseNo) {
        Parity.Tally t = Parity.tally(
                entries.phaseRows(exchangeId, phaseNo), r -> r.entry().status() == EntryStatus.HANDED_OVER
                        || r.entry().status() == EntryStatus.REPATRIATED);
        phases.recordParity(exchangeId, phaseNo, t.bringHome(), t.release(), t.art109(), t.holds());
        audit.record(exchangeId, "system", t.holds() ? "PARITY_HOLDS" : "PARITY_DISCREPANCY", "phase " + phaseNo,
                "received " + t.bringHome() + ", handed over " + t.release() + ", art. 109 apart " + t.art109());
        return new ParityCheck(t.bringHome(), t.release(), t.art109(), t.holds());
    }

    /** Moves a person who did not cross to the next phase with the reason; after the last phase, not exchanged. */
    private boolean moveOn(ListEntryRepository.Row r, int phaseNo, boolean lastPhase, String reason) {
        if (lastPhase) {
            entries.setStatus(r.entry().id(), EntryStatus.NOT_EXCHANGED, reason + "; no later phase");
            return false;
        }
        entries.update(r.entry().id(), r.entry().rankNo(), phaseNo + 1, EntryStatus.SCHEDULED,
                reason + "; moved to phase " + (phaseNo + 1));
        return true;
    }

    private static Set<Long> ids(List<ListEntryRepository.Row> rows, Side side) {
        Set<Long> out = new HashSet<>();
        rows.stream().filter(r -> r.entry().list() == side).forEach(r -> out.add(r.person().id()));
        return out;
    }

    /** The ids, each once, each among {@code allowed} (scheduled on this side in this phase). */
    private static Set<Long> distinct(String field, Collection<Long> ids, Set<Long> allowed) {
        Set<Long> out = new HashSet<>();
        for (Long id : ids == null ? List.<Long>of() : ids) {
            if (!allowed.contains(id)) {
                throw ApiException.badRequest(field, "person " + id + " is not scheduled on this side in this phase");
            }
            if (!out.add(id)) {
                throw ApiException.badRequest(field, "person " + id + " is listed twice");
            }
        }
        return out;
    }
}
