package org.powexchange.verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.exchange.Parity;
import org.powexchange.exchange.Stage;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LawfulRecordsService;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;
import org.powexchange.verification.CounterpartyRepository.MatchKind;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other side's lists against ours: receives them, matches each of their entries to our people
 * through the {@link CounterpartyMatcher} seam, and records the pair of lists the Staff agrees.
 * Parity counts everyone except the seriously wounded and sick (art. 109), who are counted apart.
 */
@Service
public class ReconciliationService {

    /** Statuses that make up "our list" at reconciliation time. */
    static final Set<EntryStatus> ON_OUR_LIST =
            EnumSet.of(EntryStatus.PROPOSED, EntryStatus.AWAITING_VERIFICATION, EntryStatus.VERIFIED);

    public record Named(String theirRef, String familyName, String givenName, LocalDate birthDate) {
    }

    public record Received(long listId, boolean duplicate, boolean processWoken) {
    }

    public record Reconciliation(int matched, int missingFromTheirs, int unknownToUs, int countedHome,
                                 int countedRelease, boolean parityHolds) {
        public int differences() {
            return missingFromTheirs + unknownToUs;
        }

        public boolean agreed() {
            return differences() == 0 && parityHolds;
        }
    }

    private final ExchangeRepository exchanges;
    private final ExchangeService exchangeService;
    private final ListEntryRepository entries;
    private final CounterpartyRepository counterparty;
    private final CounterpartyMatcher matcher;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final LawfulRecordsService lawful;

    public ReconciliationService(ExchangeRepository exchanges, ExchangeService exchangeService,
                                 ListEntryRepository entries, CounterpartyRepository counterparty,
                                 CounterpartyMatcher matcher, RuntimeService runtime, AuditLog audit,
                                 LawfulRecordsService lawful) {
        this.lawful = lawful;
        this.exchanges = exchanges;
        this.exchangeService = exchangeService;
        this.entries = entries;
        this.counterparty = counterparty;
        this.matcher = matcher;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** Stores the other side's lists and wakes the verification process waiting for them. Idempotent per reference. */
    @Transactional
    public Received receive(UUID exchangeId, String reference, List<Named> offered, List<Named> requested, String actor) {
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
        var existing = counterparty.findList(exchangeId, reference);
        if (existing.isPresent()) {
            return new Received(existing.get().id(), true, false);
        }
        String stage = exchangeService.stage(e);
        boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(exchangeId.toString())
                .messageEventSubscriptionName(VerificationProcess.MSG_COUNTERPARTY_LISTS).count() > 0;
        if (!Stage.VERIFICATION.equals(stage) || !waiting) {
            throw Refusal.conflict(null, "the exchange is not waiting for the counterparty's lists (stage "
                    + stage + ")");
        }
        long listId = counterparty.insertList(exchangeId, reference, actor);
        offered.forEach(n -> counterparty.insertEntry(listId, exchangeId, Side.BRING_HOME, n.theirRef(),
                n.familyName(), n.givenName(), n.birthDate()));
        requested.forEach(n -> counterparty.insertEntry(listId, exchangeId, Side.RELEASE, n.theirRef(),
                n.familyName(), n.givenName(), n.birthDate()));
        audit.record(exchangeId, actor, "COUNTERPARTY_LISTS_RECEIVED", reference,
                offered.size() + " offered, " + requested.size() + " requested");
        runtime.createMessageCorrelation(VerificationProcess.MSG_COUNTERPARTY_LISTS)
                .processInstanceBusinessKey(exchangeId.toString())
                .setVariable(VerificationProcess.VAR_COUNTERPARTY_LIST_ID, listId)
                .correlateWithResult();
        return new Received(listId, false, true);
    }

    /** Matches each of their entries with our people and counts the differences. */
    @Transactional
    public Reconciliation reconcile(UUID exchangeId, long listId) {
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId);
        Set<Long> matchedPeople = new HashSet<>();
        int matched = 0;
        int unknown = 0;
        Map<Side, java.util.function.Function<CounterpartyMatcher.Named, CounterpartyMatcher.Resolution>> matchers =
                new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            matchers.put(side, matcher.resolve(rows.stream().filter(r -> r.entry().list() == side)
                    .map(ListEntryRepository.Row::person).toList()));
        }
        Set<Long> onOurLists = new HashSet<>();
        rows.stream().filter(r -> ON_OUR_LIST.contains(r.entry().status())).forEach(r -> onOurLists.add(r.person().id()));
        for (CounterpartyRepository.Entry theirs : counterparty.entries(listId)) {
            CounterpartyMatcher.Resolution res = matchers.get(theirs.side()).apply(new CounterpartyMatcher.Named(
                    theirs.familyName(), theirs.givenName(), theirs.birthDate()));
            var hit = res.person();
            // an ambiguous name keeps the people it might be: the Staff sees them at "Agree final lists"
            counterparty.setCandidates(theirs.id(), res.candidates().isEmpty() ? null : res.candidates().stream()
                    .map(p -> String.valueOf(p.id())).collect(java.util.stream.Collectors.joining(",")));
            if (hit.isEmpty()) {
                counterparty.setMatch(theirs.id(), MatchKind.UNKNOWN_TO_US, null);
                unknown++;
                continue;
            }
            long personId = hit.get().id();
            boolean onOurList = onOurLists.contains(personId);
            counterparty.setMatch(theirs.id(), onOurList ? MatchKind.MATCHED : MatchKind.NOT_ON_OUR_LIST, personId);
            if (onOurList) {
                matched++;
                matchedPeople.add(personId);
            } else {
                unknown++;
            }
        }
        int missing = (int) rows.stream().filter(r -> ON_OUR_LIST.contains(r.entry().status()))
                .filter(r -> !matchedPeople.contains(r.person().id())).count();
        int home = counted(rows, Side.BRING_HOME);
        int release = counted(rows, Side.RELEASE);
        Reconciliation rec = new Reconciliation(matched, missing, unknown, home, release, home == release);
        audit.record(exchangeId, "system", "LISTS_RECONCILED", "counterparty list " + listId, rec.toString());
        return rec;
    }

    private static int counted(List<ListEntryRepository.Row> rows, Side side) {
        return (int) rows.stream().filter(r -> r.entry().list() == side && ON_OUR_LIST.contains(r.entry().status())
                && Parity.counts(r)).count();
    }

    /** The people the Staff may put on the agreed list of one side: ours, and our reserve the other side named. */
    public List<Option> options(UUID exchangeId, long listId, Side side) {
        Map<Long, MatchKind> theirs = new LinkedHashMap<>();
        // people the Staff removed or deferred in review never come back without a new review
        Set<Long> settled = entries.settledByStaff(exchangeId);
        counterparty.entries(listId).stream().filter(t -> t.side() == side && t.personId() != null)
                .forEach(t -> theirs.put(t.personId(), t.matchKind()));
        List<Option> out = new ArrayList<>();
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().list() != side) {
                continue;
            }
            Person p = r.person();
            boolean ours = ON_OUR_LIST.contains(r.entry().status());
            boolean namedByThem = theirs.containsKey(p.id());
            if (!ours && !(namedByThem && r.entry().status() == EntryStatus.RESERVE && !settled.contains(p.id()))) {
                continue;
            }
            String note = ours ? (namedByThem ? "on both lists" : "missing from their list")
                    : "our reserve, named by them";
            out.add(new Option(p.id(), p.displayName() + (p.seriouslyWoundedSick() ? " – art. 109" : "") + " – " + note,
                    ours && (namedByThem || p.seriouslyWoundedSick() || agreedBefore(r.entry().status())),
                    ours && p.seriouslyWoundedSick()));
        }
        return out;
    }

    /** Past an earlier agreement (awaiting or through verification): ticked again when replacements are agreed. */
    private static boolean agreedBefore(EntryStatus s) {
        return s == EntryStatus.AWAITING_VERIFICATION || s == EntryStatus.VERIFIED;
    }

    public record Option(long personId, String label, boolean preselected, boolean art109) {
    }

    /**
     * Records the agreed pair of lists: who is not agreed leaves the exchange (NOT_EXCHANGED, with the
     * reason), our reserve the other side named joins. Refused unless parity holds on the counted people.
     */
    @Transactional
    public Agreement agree(UUID exchangeId, long listId, List<Long> home, List<Long> release, String actor,
                           String comment) {
        return agree(exchangeId, listId, home, release, List.of(), actor, comment);
    }

    /** The counted size per side, and our reserve people the agreement added (they are reviewed next). */
    public record Agreement(int counted, List<Long> addedFromReserve) {
    }

    /**
     * As above; {@code refusedByThem}: our seriously wounded and sick the other side refused to release. They
     * are the only art. 109 people who may be left off the agreed lists, and they stay claimed (DEMANDED).
     */
    @Transactional
    public Agreement agree(UUID exchangeId, long listId, List<Long> home, List<Long> release, List<Long> refusedByThem,
                           String actor, String comment) {
        Exchange e = exchanges.find(exchangeId).orElseThrow();
        Map<Long, Option> homeOptions = new LinkedHashMap<>();
        options(exchangeId, listId, Side.BRING_HOME).forEach(o -> homeOptions.put(o.personId(), o));
        Map<Long, Option> releaseOptions = new LinkedHashMap<>();
        options(exchangeId, listId, Side.RELEASE).forEach(o -> releaseOptions.put(o.personId(), o));
        Set<Long> settled = entries.settledByStaff(exchangeId);
        for (var field : Map.of(VerificationProcess.AGREED_HOME, home, VerificationProcess.AGREED_RELEASE, release)
                .entrySet()) {
            for (Long id : field.getValue()) {
                if (settled.contains(id)) {
                    throw Refusal.invalid(field.getKey(), "person " + id + " was removed or deferred by the Staff in "
                            + "review: nobody skips the review, so this person cannot be agreed without a new review");
                }
            }
        }
        check(home, homeOptions, VerificationProcess.AGREED_HOME);
        check(release, releaseOptions, VerificationProcess.AGREED_RELEASE);
        Map<Long, ListEntryRepository.Row> byPerson = new LinkedHashMap<>();
        entries.rows(exchangeId).forEach(r -> byPerson.put(r.person().id(), r));
        long countedHome = home.stream().distinct().filter(id -> Parity.counts(byPerson.get(id))).count();
        long countedRelease = release.stream().distinct()
                .filter(id -> Parity.counts(byPerson.get(id))).count();
        if (countedHome != countedRelease) {
            throw Refusal.invalid(VerificationProcess.AGREED_RELEASE, "parity: " + countedHome
                    + " to bring home against " + countedRelease + " to release (art. 109 people counted apart)");
        }
        if (countedHome > e.formulaSize()) {
            throw Refusal.invalid(VerificationProcess.AGREED_HOME, "the formula allows " + e.formulaSize()
                    + " per side; " + countedHome + " were agreed");
        }
        if (countedHome == 0) {
            throw Refusal.invalid(VerificationProcess.AGREED_HOME, "the agreed lists are empty");
        }
        Set<Long> agreed = new HashSet<>(home);
        agreed.addAll(release);
        checkArt109(byPerson, homeOptions, releaseOptions, agreed, new HashSet<>(refusedByThem));
        List<Long> added = new ArrayList<>();
        for (Option o : concat(homeOptions, releaseOptions)) {
            ListEntryRepository.Row r = byPerson.get(o.personId());
            boolean ours = ON_OUR_LIST.contains(r.entry().status());
            if (agreed.contains(o.personId()) && !ours) {
                // from our reserve, never reviewed: the agencies concerned review them before verification
                entries.setStatus(r.entry().id(), EntryStatus.PROPOSED, "added in agreement with the counterparty");
                added.add(o.personId());
            } else if (!agreed.contains(o.personId()) && ours && r.person().seriouslyWoundedSick()) {
                // art. 109: refused by the other side, still claimed; reported as such, never silently dropped
                entries.setStatus(r.entry().id(), EntryStatus.DEMANDED, REFUSED_BY_THEM);
                audit.record(exchangeId, actor, "ART109_REFUSED_BY_COUNTERPARTY", "person " + o.personId(),
                        "seriously wounded or sick, still claimed");
            } else if (!agreed.contains(o.personId()) && ours) {
                entries.setStatus(r.entry().id(), EntryStatus.NOT_EXCHANGED, "not agreed with the counterparty");
            }
        }
        audit.record(exchangeId, actor, "LISTS_AGREED", "counterparty list " + listId, "bring home " + home.size()
                + ", release " + release.size() + ", counted " + countedHome + (comment == null ? "" : "; " + comment));
        return new Agreement((int) countedHome, added);
    }

    static final String REFUSED_BY_THEM = "refused by the other side at the agreement; still claimed (GC III art. 109)";

    /**
     * Art. 109: a seriously wounded or sick person we hold is always on the agreed release list; one of ours
     * may be left off only when the Staff records that the other side refused to release them.
     */
    private static void checkArt109(Map<Long, ListEntryRepository.Row> byPerson, Map<Long, Option> homeOptions,
                                    Map<Long, Option> releaseOptions, Set<Long> agreed, Set<Long> refusedByThem) {
        for (Long id : refusedByThem) {
            ListEntryRepository.Row r = byPerson.get(id);
            if (r == null || !homeOptions.containsKey(id) || !r.person().seriouslyWoundedSick()
                    || !ON_OUR_LIST.contains(r.entry().status())) {
                throw Refusal.invalid(VerificationProcess.REFUSED_BY_THEM, "person " + id + " is not a seriously "
                        + "wounded or sick person of ours on the lists");
            }
            if (agreed.contains(id)) {
                throw Refusal.invalid(VerificationProcess.REFUSED_BY_THEM, r.person().displayName()
                        + " is ticked both as agreed and as refused by the other side");
            }
        }
        for (Option o : releaseOptions.values()) {
            ListEntryRepository.Row r = byPerson.get(o.personId());
            if (r.person().seriouslyWoundedSick() && ON_OUR_LIST.contains(r.entry().status())
                    && !agreed.contains(o.personId())) {
                throw Refusal.invalid(VerificationProcess.AGREED_RELEASE, r.person().displayName() + " is seriously "
                        + "wounded or sick and held by us: GC III art. 109-110 requires repatriation regardless of "
                        + "number or rank, so this person cannot be left off the agreed release list");
            }
        }
        for (Option o : homeOptions.values()) {
            ListEntryRepository.Row r = byPerson.get(o.personId());
            if (r.person().seriouslyWoundedSick() && ON_OUR_LIST.contains(r.entry().status())
                    && !agreed.contains(o.personId()) && !refusedByThem.contains(o.personId())) {
                throw Refusal.invalid(VerificationProcess.AGREED_HOME, r.person().displayName() + " is seriously "
                        + "wounded or sick (GC III art. 109): leave this person off the agreed list only with the "
                        + "reason 'refused by the other side' (tick them under '" + "Refused by the other side" + "')");
            }
        }
    }

    private static List<Option> concat(Map<Long, Option> a, Map<Long, Option> b) {
        List<Option> out = new ArrayList<>(a.values());
        out.addAll(b.values());
        return out;
    }

    private static void check(List<Long> ids, Map<Long, Option> allowed, String field) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw Refusal.invalid(field, "a person is ticked twice");
        }
        for (Long id : ids) {
            if (!allowed.containsKey(id)) {
                throw Refusal.invalid(field, "person " + id + " cannot be put on this list");
            }
        }
    }

    /** For /api: the latest reconciliation, entry by entry. */
    /** Their lists against ours: whom both name, whom only they name, whom they leave out; held back and claimed. */
    public record ReconciliationReport(long counterpartyListId, List<TheirEntry> matched, List<TheirEntry> unknownToUs,
                                 List<OurEntry> missingFromTheirs,
                                 List<LawfulRecordsService.HeldBack> heldBackUnderArt119,
                                 List<LawfulRecordsService.StillClaimed> stillClaimed) {
    }

    /** A person as the other side names them, and what they were matched to. */
    public record TheirEntry(Side side, String theirRef, String familyName, String givenName, LocalDate birthDate,
                             MatchKind match, Long personId) {
    }

    /** One of ours on our lists that their lists do not name. */
    public record OurEntry(long personId, Side side, String familyName, String givenName, LocalDate birthDate,
                           boolean seriouslyWoundedSick) {
    }

    public ReconciliationReport report(UUID exchangeId) {
        exchangeService.get(exchangeId);
        Long listId = counterparty.latest(exchangeId).orElseThrow(() -> Refusal.notFound(
                "counterparty lists of exchange " + exchangeId));
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId);
        List<CounterpartyRepository.Entry> theirs = counterparty.entries(listId);
        Set<Long> named = new HashSet<>();
        theirs.stream().filter(t -> t.matchKind() == MatchKind.MATCHED).forEach(t -> named.add(t.personId()));
        return new ReconciliationReport(listId,
                theirs.stream().filter(t -> t.matchKind() == MatchKind.MATCHED).map(ReconciliationService::view).toList(),
                theirs.stream().filter(t -> t.matchKind() == MatchKind.UNKNOWN_TO_US
                        || t.matchKind() == MatchKind.NOT_ON_OUR_LIST).map(ReconciliationService::view).toList(),
                rows.stream().filter(r -> ON_OUR_LIST.contains(r.entry().status())
                        && !named.contains(r.person().id())).map(r -> new OurEntry(r.person().id(), r.entry().list(),
                        r.person().familyName(), r.person().givenName(), r.person().birthDate(),
                        r.person().seriouslyWoundedSick())).toList(),
                // art. 119: who we hold back for criminal proceedings, named to the other side (the hold-back notice)
                lawful.heldBack(exchangeId),
                // art. 109: ours the other side refused to release, still claimed
                lawful.stillClaimed(exchangeId));
    }

    private static TheirEntry view(CounterpartyRepository.Entry t) {
        return new TheirEntry(t.side(), t.theirRef(), t.familyName(), t.givenName(), t.birthDate(), t.matchKind(),
                t.personId());
    }
}
