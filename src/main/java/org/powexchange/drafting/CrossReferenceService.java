package org.powexchange.drafting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.people.matching.MatchRecord;
import org.powexchange.people.matching.NameNormalizer;
import org.powexchange.people.matching.RecordMatcher;
import org.powexchange.people.Category;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.Person;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.PersonRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links imported source records to people: records that match a known person join it, others found
 * new people, and pairs between the thresholds are put to the drafter. Candidate records of the
 * {@code /candidates} endpoint are already people and take no part in fuzzy matching.
 */
@Service
public class CrossReferenceService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CrossReferenceService.class);

    public record Outcome(int linked, int newPeople, int possibleDuplicates) {
    }

    private final SourceRecordRepository records;
    private final PersonRepository persons;
    // a merge takes the merged person off the drafted lists: list_entry belongs to people
    private final ListEntryRepository entries;
    private final DraftingRepository drafting;
    private final PossibleDuplicateRepository pairs;
    private final AuditLog audit;
    private final NameNormalizer names = new NameNormalizer();
    private final double accept;
    private final double review;

    public CrossReferenceService(SourceRecordRepository records, PersonRepository persons,
                                 ListEntryRepository entries, DraftingRepository drafting,
                                 PossibleDuplicateRepository pairs, AuditLog audit,
                                 @Value("${powexchange.drafting.match-accept:0.875}") double accept,
                                 @Value("${powexchange.drafting.match-review:0.75}") double review) {
        this.records = records;
        this.persons = persons;
        this.entries = entries;
        this.drafting = drafting;
        this.pairs = pairs;
        this.audit = audit;
        this.accept = accept;
        this.review = review;
    }

    public NameNormalizer names() {
        return names;
    }

    /**
     * One transaction: a failure (the job's incident) leaves no person founded and no record linked, and the
     * retried job starts from the same state, so its result does not depend on the failure either.
     */
    @Transactional
    public Outcome crossReference(UUID exchangeId) {
        long t0 = System.nanoTime();
        List<SourceRecordRepository.MatchRow> all = records.matchRows(exchangeId);
        long tRead = System.nanoTime();
        List<MatchRecord> existing = new ArrayList<>();
        List<MatchRecord> incoming = new ArrayList<>();
        Map<Long, SourceRecordRepository.MatchRow> byId = new HashMap<>(all.size() * 2);
        for (SourceRecordRepository.MatchRow r : all) {
            byId.put(r.id(), r);
            if (r.source() == SourceKind.CANDIDATES) {
                continue; // already people, never matched
            }
            MatchRecord m = new MatchRecord(r.id(), r.personId() == null ? 0 : r.personId(), r.familyName(),
                    r.givenName(), r.patronymic(), r.birthDate(), r.serviceNumber());
            (r.personId() == null ? incoming : existing).add(m);
        }
        if (incoming.isEmpty()) {
            return new Outcome(0, 0, pairs.countOpen(exchangeId));
        }
        RecordMatcher.Result result = new RecordMatcher(names, accept, review).match(existing, incoming);
        long tMatch = System.nanoTime();
        // new people first, in batches: the first record of each new group describes it
        Map<Long, Long> newPersonIds = new HashMap<>();
        List<Long> newGroups = new ArrayList<>();
        List<Person> newPeople = new ArrayList<>();
        // each new person's patronymic: the fullest its records give (the earliest record on a tie), as
        // knownPeoplesPatronymics chooses it for known people, but in the insert instead of a second pass
        Map<Long, SourceRecordRepository.MatchRow> patronymicOf = new HashMap<>();
        for (RecordMatcher.Assignment a : result.assignments()) {
            SourceRecordRepository.MatchRow r = byId.get(a.recordKey());
            if (a.group() <= 0 && r.patronymic() != null) {
                patronymicOf.merge(a.group(), r, (x, y) -> fuller(y, x) ? y : x);
            }
        }
        for (RecordMatcher.Assignment a : result.assignments()) {
            if (a.group() <= 0 && !newPersonIds.containsKey(a.group())) {
                SourceRecordRepository.MatchRow r = byId.get(a.recordKey());
                newPersonIds.put(a.group(), 0L);
                newGroups.add(a.group());
                SourceRecordRepository.MatchRow named = patronymicOf.get(a.group());
                newPeople.add(new Person(0, exchangeId, r.side(), r.label(), r.familyName(), r.givenName(),
                        named == null ? null : named.patronymic(), r.birthDate().toLocalDate(), r.serviceNumber(),
                        Category.CIVILIAN, false, LifeStatus.UNCONFIRMED, null, null));
            }
        }
        List<Long> ids = persons.insertAll(newPeople);
        for (int i = 0; i < newGroups.size(); i++) {
            newPersonIds.put(newGroups.get(i), ids.get(i));
        }
        long tPeople = System.nanoTime();
        List<SourceRecordRepository.Link> links = new ArrayList<>(result.assignments().size());
        // the person of every record after this run, for the patronymics of known people (when there are any)
        Map<Long, Long> personOf = existing.isEmpty() ? null : new HashMap<>(all.size() * 2);
        int linked = 0;
        for (RecordMatcher.Assignment a : result.assignments()) {
            long personId;
            if (a.group() > 0) {
                personId = a.group();
                linked++;
            } else {
                personId = newPersonIds.get(a.group());
            }
            links.add(new SourceRecordRepository.Link(a.recordKey(), personId, a.confidence(), a.basis()));
            if (personOf != null) {
                personOf.put(a.recordKey(), personId);
            }
        }
        records.linkAll(links);
        long tLink = System.nanoTime();
        java.util.Set<String> pairKeys = new java.util.HashSet<>();
        List<PossibleDuplicateRepository.NewPair> pairRows = new ArrayList<>();
        for (RecordMatcher.PossibleDuplicate p : result.possibleDuplicates()) {
            Long a = p.group() > 0 ? Long.valueOf(p.group()) : newPersonIds.get(p.group());
            Long b = p.otherGroup() > 0 ? Long.valueOf(p.otherGroup()) : newPersonIds.get(p.otherGroup());
            // the matcher guarantees both people exist; a pair that would not is dropped, never a crash
            if (a == null || b == null || a.equals(b) || !pairKeys.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                continue;
            }
            pairRows.add(new PossibleDuplicateRepository.NewPair(exchangeId, a, b, p.score()));
        }
        pairs.insertOpen(pairRows);
        if (!existing.isEmpty()) {
            // known people may take a patronymic from the records that joined them (or were re-imported)
            Map<Long, String> patronymics = knownPeoplesPatronymics(all, personOf, new java.util.HashSet<>(ids));
            patronymics.keySet().retainAll(persons.idsWithoutPatronymic(exchangeId));
            persons.givePatronymics(patronymics);
        }
        Outcome o = new Outcome(linked, newPersonIds.size(), pairs.countOpen(exchangeId));
        // where a long run spent its time, for an administrator sizing the database or the heap
        log.info("exchange {}: {} records cross-referenced in {} ms (read {}, matched {}, people founded {}, linked {}, "
                        + "pairs and patronymics {})", exchangeId, incoming.size(), ms(t0, System.nanoTime()), ms(t0, tRead),
                ms(tRead, tMatch), ms(tMatch, tPeople), ms(tPeople, tLink), ms(tLink, System.nanoTime()));
        audit.record(exchangeId, "system", "SOURCES_CROSS_REFERENCED", incoming.size() + " records",
                "joined known people " + linked + ", new people " + o.newPeople() + ", possible duplicates "
                        + pairRows.size());
        return o;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * For each person known before this run (not in {@code founded}), the fullest patronymic its records give,
     * the earliest record on a tie; {@code personOf} holds the links made in this run.
     */
    private static Map<Long, String> knownPeoplesPatronymics(List<SourceRecordRepository.MatchRow> all,
                                                             Map<Long, Long> personOf, java.util.Set<Long> founded) {
        Map<Long, SourceRecordRepository.MatchRow> best = new HashMap<>();
        for (SourceRecordRepository.MatchRow r : all) {
            Long person = r.personId() != null ? r.personId() : personOf.get(r.id());
            if (person != null && r.patronymic() != null && !founded.contains(person)) {
                best.merge(person, r, (x, y) -> fuller(y, x) ? y : x);
            }
        }
        Map<Long, String> out = new HashMap<>();
        best.forEach((person, r) -> out.put(person, r.patronymic()));
        return out;
    }

    /** Whether record a's patronymic is chosen over b's: longer, or as long and earlier. */
    private static boolean fuller(SourceRecordRepository.MatchRow a, SourceRecordRepository.MatchRow b) {
        int la = a.patronymic().length();
        int lb = b.patronymic().length();
        return la > lb || (la == lb && a.id() < b.id());
    }

    public int openPairs(UUID exchangeId) {
        return pairs.countOpen(exchangeId);
    }

    /**
     * The person as the sources describe it together: names and birth date from the most formal
     * source, any service number, military if any military source says so, captivity from the earliest
     * capture or last sighting.
     */
    public Person consolidate(Person p, List<SourceRecord> recs) {
        if (recs.isEmpty() || recs.stream().allMatch(r -> r.source() == SourceKind.CANDIDATES)) {
            return p;
        }
        List<SourceRecord> ordered = recs.stream()
                .sorted(Comparator.comparing((SourceRecord r) -> r.source().ordinal()).thenComparingLong(SourceRecord::id))
                .toList();
        SourceRecord first = ordered.get(0);
        LocalDate birth = ordered.stream().map(r -> r.birthDate().toLocalDate()).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String service = ordered.stream().map(SourceRecord::serviceNumber).filter(Objects::nonNull).findFirst()
                .orElse(null);
        boolean military = ordered.stream().anyMatch(r -> "MILITARY".equals(r.category()));
        boolean sws = ordered.stream().anyMatch(r -> Boolean.TRUE.equals(r.seriouslyWoundedSick()));
        LocalDate captured = ordered.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.capturedOn(), r.lastSeenOn()))
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new Person(p.id(), p.exchangeId(), p.side(), p.externalRef(), first.familyName(), first.givenName(),
                p.patronymic(), birth,
                service, military ? Category.MILITARY : Category.CIVILIAN, sws, p.lifeStatus(), captured, p.priority());
    }

    /** Applies the drafter's decisions on every open pair: pairs to merge are merged, the rest kept apart. */
    @Transactional
    public int decide(UUID exchangeId, java.util.Collection<Long> mergePairIds, String actor) {
        return decide(exchangeId, mergePairIds, null, actor);
    }

    /**
     * Applies the drafter's decisions on the pairs {@code decided} (all open pairs when null): pairs to merge
     * are merged (the first person into the second), the other decided pairs kept apart; the rest stay open.
     */
    @Transactional
    public int decide(UUID exchangeId, java.util.Collection<Long> mergePairIds, java.util.Collection<Long> decided,
                      String actor) {
        java.util.Set<Long> merge = new java.util.HashSet<>(mergePairIds);
        java.util.Set<Long> scope = decided == null ? null : new java.util.HashSet<>(decided);
        int merged = 0;
        for (long id : pairs.openIds(exchangeId)) {
            if (scope != null && !scope.contains(id) && !merge.contains(id)) {
                continue;
            }
            // re-read: an earlier merge of this loop may have moved this pair's people
            long[] now = pairs.people(id);
            long gone = now[0];
            long keep = now[1];
            boolean merge1 = merge.contains(id) && keep != gone && persons.find(exchangeId, keep).isPresent()
                    && persons.find(exchangeId, gone).isPresent();
            if (merge1) {
                records.relink(gone, keep);
                entries.deleteDrafted(gone);
                drafting.deleteAssessment(gone);
                pairs.movePerson(gone, keep);
                persons.delete(gone);
                merged++;
            }
            pairs.decide(id, merge1, actor);
            audit.record(exchangeId, actor, merge1 ? "DUPLICATES_MERGED" : "DUPLICATES_KEPT_APART",
                    "persons " + gone + " / " + keep, merge1 ? "records of " + gone + " now belong to " + keep : null);
        }
        // a merge can leave a pair of one person with itself: nothing left to decide there
        pairs.closeSelfPairs(exchangeId, actor);
        return merged;
    }

    /** Open pairs scoring at or above {@code score}. */
    public List<Long> openPairIdsAtOrAbove(UUID exchangeId, double score) {
        return pairs.openIdsAtOrAbove(exchangeId, score);
    }

    /** One page of open pairs, highest score first. */
    public List<Map<String, Object>> openPairPage(UUID exchangeId, int size) {
        return pairs.openPage(exchangeId, size);
    }

    public List<Long> openPairIds(UUID exchangeId) {
        return pairs.openIds(exchangeId);
    }

    public List<Map<String, Object>> openPairList(UUID exchangeId) {
        return pairs.open(exchangeId);
    }
}
