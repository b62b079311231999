package org.powexchange.drafting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.Parity;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.PersonRepository;
import org.powexchange.people.Side;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the cross-referenced people into two ranked lists: people to bring home and people to
 * release, each at the formula size plus a reserve. Life status follows from the evidence; only the
 * confirmed living are listed, the others stay tracked with what would confirm them. The order comes
 * from the decision table {@code candidate-priority} (DMN), whose inputs and outputs are stored with
 * each person. The seriously wounded and sick are always proposed and never counted against the
 * formula (Geneva Convention III art. 109).
 */
@Service
public class DraftingService {

    public record Compiled(int candidates, int bringHome, int release, int art109, int reserveHome,
                           int reserveRelease, int tracked, int flagged, Map<String, Integer> categories) {
    }

    /** Entries drafting may still rearrange; later stages own the others. */
    private static final Set<EntryStatus> DRAFTABLE =
            EnumSet.of(EntryStatus.CANDIDATE, EntryStatus.PROPOSED, EntryStatus.RESERVE, EntryStatus.TRACKED);

    private record Ranked(ListEntryRepository.Row row, Person person, PriorityDecision.Result decision,
                          Integer captivityDays) {
    }

    private final ExchangeRepository exchanges;
    private final PersonRepository persons;
    private final ListEntryRepository entries;
    private final SourceRecordRepository records;
    private final CrossReferenceService crossReference;
    private final LifeStatusAssessor lifeStatus;
    private final PriorityDecision priority;
    private final DraftingRepository drafting;
    private final AuditLog audit;
    private final double reserveRatio;
    private final int reserveMin;

    public DraftingService(ExchangeRepository exchanges, PersonRepository persons, ListEntryRepository entries,
                           SourceRecordRepository records, CrossReferenceService crossReference,
                           LifeStatusAssessor lifeStatus, PriorityDecision priority, DraftingRepository drafting, AuditLog audit,
                           @Value("${powexchange.drafting.reserve-ratio:0.2}") double reserveRatio,
                           @Value("${powexchange.drafting.reserve-min:5}") int reserveMin) {
        this.exchanges = exchanges;
        this.persons = persons;
        this.entries = entries;
        this.records = records;
        this.crossReference = crossReference;
        this.lifeStatus = lifeStatus;
        this.priority = priority;
        this.drafting = drafting;
        this.audit = audit;
        this.reserveRatio = reserveRatio;
        this.reserveMin = reserveMin;
    }

    public int reserveSize(int formula) {
        return Math.max(reserveMin, (int) Math.ceil(formula * reserveRatio));
    }

    @Transactional
    public Compiled compile(UUID exchangeId) {
        Exchange exchange = exchanges.find(exchangeId).orElseThrow();
        LocalDate today = LocalDate.now();
        // people cross-referenced from sources are not on a list yet: they join theirs as candidates
        Set<Long> listed = new java.util.HashSet<>();
        entries.rows(exchangeId).forEach(r -> listed.add(r.person().id()));
        entries.insertAll(exchangeId, persons.findByExchange(exchangeId).stream().filter(p -> !listed.contains(p.id()))
                .map(p -> new ListEntryRepository.NewEntry(p.id(), p.side(), EntryStatus.CANDIDATE)).toList());
        Map<Long, List<SourceRecord>> recordsOf = new HashMap<>();
        for (SourceRecord r : records.forExchange(exchangeId)) {
            if (r.personId() != null) {
                recordsOf.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
            }
        }
        // the Staff's removals and deferrals stand: a redraft leaves those people where the Staff put them
        java.util.Set<Long> settled = entries.settledByStaff(exchangeId);
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId).stream()
                .filter(r -> DRAFTABLE.contains(r.entry().status()))
                .filter(r -> !settled.contains(r.person().id())).toList();
        int[] proposed = new int[2];
        int[] reserve = new int[2];
        int art109 = 0;
        int tracked = 0;
        int flagged = 0;
        Map<String, Integer> categories = new TreeMap<>();
        int reserveSize = reserveSize(exchange.formulaSize());
        // written in JDBC batches after the loop: a list of thousands would otherwise be ~5 statements a person
        List<Person> changedPeople = new ArrayList<>();
        List<ListEntryRepository.Update> entryUpdates = new ArrayList<>();
        Map<Long, Integer> priorities = new HashMap<>();
        List<DraftingRepository.Assessment> assessments = new ArrayList<>();
        for (Side side : Side.values()) {
            List<Ranked> eligible = new ArrayList<>();
            for (ListEntryRepository.Row r : rows) {
                if (r.entry().list() != side) {
                    continue;
                }
                List<SourceRecord> recs = recordsOf.getOrDefault(r.person().id(), List.of());
                Person p = crossReference.consolidate(r.person(), recs);
                LifeStatusAssessor.Assessment life = recs.isEmpty()
                        ? new LifeStatusAssessor.Assessment(p.lifeStatus(), "as recorded", null)
                        : lifeStatus.assess(side, recs, today);
                p = new Person(p.id(), p.exchangeId(), p.side(), p.externalRef(), p.familyName(), p.givenName(),
                        p.patronymic(), p.birthDate(), p.serviceNumber(), p.category(), p.seriouslyWoundedSick(), life.status(),
                        p.capturedOn(), p.priority());
                if (!p.equals(r.person())) {
                    changedPeople.add(p);
                }
                String notEligible = notEligible(p);
                if (notEligible != null) {
                    String reason = notEligible + (life.wouldConfirm() == null || p.lifeStatus() == LifeStatus.DECEASED
                            ? "" : "; would confirm: " + life.wouldConfirm());
                    entryUpdates.add(new ListEntryRepository.Update(r.entry().id(), null, null, EntryStatus.TRACKED, reason));
                    assessments.add(assessment(exchangeId, p.id(), life, null));
                    tracked++;
                    continue;
                }
                Integer age = p.birthDate() == null ? null : (int) ChronoUnit.YEARS.between(p.birthDate(), today);
                Integer captivity = p.capturedOn() == null ? null : (int) ChronoUnit.DAYS.between(p.capturedOn(), today);
                String rank = recs.stream().map(SourceRecord::rank).filter(java.util.Objects::nonNull).findFirst()
                        .orElse(null);
                String flags = recs.stream().map(SourceRecord::strategicFlags).filter(java.util.Objects::nonNull)
                        .flatMap(f -> java.util.Arrays.stream(f.split(";"))).distinct().sorted()
                        .reduce((a, b) -> a + ";" + b).orElse(null);
                PriorityDecision.Result d = priority.evaluate(p.seriouslyWoundedSick(), p.category().name(), age,
                        captivity, rank, flags);
                assessments.add(assessment(exchangeId, p.id(), life, d));
                eligible.add(new Ranked(r, p, d, captivity));
            }
            eligible.sort(Comparator.comparingInt((Ranked x) -> x.decision().group())
                    .thenComparing(Ranked::captivityDays, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                    .thenComparingLong(x -> x.person().id()));
            int rank = 0;
            int counted = 0;
            int reserved = 0;
            for (Ranked x : eligible) {
                rank++;
                priorities.put(x.person().id(), rank);
                EntryStatus status;
                String reason = x.decision().category();
                if (Parity.apart(x.person())) {
                    status = EntryStatus.PROPOSED;
                    art109++;
                    reason = "art. 109: exempt from parity";
                } else if (counted < exchange.formulaSize()) {
                    status = EntryStatus.PROPOSED;
                    counted++;
                } else if (reserved < reserveSize) {
                    status = EntryStatus.RESERVE;
                    reserved++;
                    reserve[side.ordinal()]++;
                } else {
                    status = EntryStatus.TRACKED;
                    reason = "beyond the formula and its reserve of " + reserveSize;
                    tracked++;
                }
                if (status == EntryStatus.PROPOSED) {
                    proposed[side.ordinal()]++;
                    categories.merge(side + " " + x.decision().category(), 1, Integer::sum);
                }
                if (x.decision().reviewFlag()) {
                    flagged++;
                }
                entryUpdates.add(new ListEntryRepository.Update(x.row().entry().id(), rank, null, status, reason));
            }
        }
        persons.updateAll(changedPeople);
        persons.setPriorities(priorities);
        entries.updateAll(entryUpdates);
        drafting.replaceAssessments(assessments);
        Compiled c = new Compiled(rows.size(), proposed[0], proposed[1], art109, reserve[0], reserve[1], tracked,
                flagged, categories);
        audit.record(exchangeId, "system", "LISTS_COMPILED", null, c.toString());
        return c;
    }

    /** How life status and priority were decided for one person. */
    private static DraftingRepository.Assessment assessment(UUID exchangeId, long personId,
                                                            LifeStatusAssessor.Assessment life, PriorityDecision.Result d) {
        return new DraftingRepository.Assessment(personId, exchangeId, cut(life.basis()), life.wouldConfirm(), d == null ? null : d.group(),
                d == null ? null : d.category(), d != null && d.reviewFlag(), d == null ? null : d.reviewReason(),
                d == null ? null : cut(d.inputs().toString()),
                d == null ? null : cut("{priorityGroup=" + d.group() + ", priorityCategory=" + d.category()
                        + ", reviewFlag=" + d.reviewFlag() + ", reviewReason=" + d.reviewReason() + "}"),
                OffsetDateTime.now());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** Why a person cannot go on a list now, or null. Only the confirmed living are brought home. */
    static String notEligible(Person p) {
        if (p.lifeStatus() == LifeStatus.DECEASED) {
            return "deceased: repatriation of remains is handled outside the exchange";
        }
        if (p.side() == Side.BRING_HOME && p.lifeStatus() != LifeStatus.CONFIRMED_ALIVE) {
            return "life not confirmed";
        }
        return null;
    }
}
