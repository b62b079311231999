package org.powexchange.verification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.powexchange.people.Person;
import org.powexchange.people.matching.MatchRecord;
import org.powexchange.people.matching.NameNormalizer;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.people.matching.RecordMatcher;
import org.springframework.stereotype.Component;

/**
 * Matches the other side's names with ours through the same normaliser and scorer as drafting's
 * cross-referencing: any script or romanisation, Ukrainian or Russian name forms, typos, swapped names,
 * date slips. A name fits one of ours when it scores at the accept threshold with no rival within the
 * ambiguity margin; a name without birth date fits when exactly one of ours comes close. Anything else
 * is never guessed: rivals are returned as candidates for the Staff to decide at "Agree final lists".
 */
@Component
public class NameBirthDateMatcher implements CounterpartyMatcher {

    static final double ACCEPT = 0.875;
    static final double REVIEW = 0.75;
    static final double MARGIN = 0.03;
    static final double NO_DATE_MARGIN = 0.05;

    private final NameNormalizer names = new NameNormalizer();

    @Override
    public Optional<Person> match(Named theirs, List<Person> ours) {
        return resolve(ours).apply(theirs).person();
    }

    @Override
    public Function<Named, Optional<Person>> over(List<Person> ours) {
        Function<Named, Resolution> r = resolve(ours);
        return theirs -> r.apply(theirs).person();
    }

    /** Ours indexed once by name keys; each of theirs is scored against the people sharing a key. */
    @Override
    public Function<Named, Resolution> resolve(List<Person> ours) {
        RecordMatcher scorer = new RecordMatcher(names, ACCEPT, REVIEW);
        Map<String, List<Integer>> index = new HashMap<>();
        List<MatchRecord> records = new ArrayList<>(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            Person p = ours.get(i);
            MatchRecord m = new MatchRecord(i, 0, p.familyName(), p.givenName(), PartialDate.of(p.birthDate()), null);
            records.add(m);
            for (String k : keys(m)) {
                index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return theirs -> {
            MatchRecord t = new MatchRecord(-1, 0, theirs.familyName(), theirs.givenName(),
                    PartialDate.of(theirs.birthDate()), null);
            Set<Integer> candidates = new LinkedHashSet<>();
            for (String k : keys(t)) {
                candidates.addAll(index.getOrDefault(k, List.of()));
            }
            List<Scored> scored = new ArrayList<>();
            for (int i : candidates) {
                double s;
                synchronized (scorer) {
                    s = scorer.score(t, records.get(i));
                }
                if (s >= REVIEW) {
                    scored.add(new Scored(ours.get(i), s));
                }
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                    .thenComparingLong(x -> x.person().id()));
            if (scored.isEmpty()) {
                return new Resolution(Optional.empty(), List.of());
            }
            Scored best = scored.get(0);
            double second = scored.size() > 1 ? scored.get(1).score() : 0;
            boolean clear = best.score() - second >= MARGIN;
            boolean fits = theirs.birthDate() == null || best.person().birthDate() == null
                    // no date to tell people apart: only a name no one else of ours comes close to
                    ? second < REVIEW || best.score() - second >= NO_DATE_MARGIN
                    : best.score() >= ACCEPT && (second < ACCEPT || clear);
            if (fits) {
                return new Resolution(Optional.of(best.person()), List.of());
            }
            if (theirs.birthDate() == null) {
                // no date to tell them apart, but written exactly as one of ours and as no other: that one
                // (a namesake written the same way stays with the Staff)
                List<Scored> same = scored.stream().filter(x -> sameName(theirs, x.person())).toList();
                if (same.size() == 1 && same.get(0).score() >= ACCEPT) {
                    return new Resolution(Optional.of(same.get(0).person()), List.of());
                }
            }
            double floor = best.score() - MARGIN;
            return new Resolution(Optional.empty(), scored.stream().filter(x -> x.score() >= Math.min(floor, ACCEPT))
                    .limit(3).map(Scored::person).toList());
        };
    }

    private record Scored(Person person, double score) {
    }

    private boolean sameName(Named theirs, Person ours) {
        return names.skeleton(theirs.familyName()).equals(names.skeleton(ours.familyName()))
                && names.skeleton(theirs.givenName()).equals(names.skeleton(ours.givenName()));
    }

    /** Blocking keys: family-name start (sibilants folded); given name and birth year; the same with family and given swapped. */
    private List<String> keys(MatchRecord r) {
        String family = names.familyKey(r.familyName());
        String given = names.skeleton(r.givenName());
        int[] groups = names.givenNames().groups(given);
        String g = groups.length > 0 ? "#" + groups[0] : prefix(given, 2);
        List<String> k = new ArrayList<>(4);
        k.add("f:" + NameNormalizer.sibilantPrefix(family, 3)); // Schurtschuk meets Журчук (sch: ш or ж)
        k.add("f:" + prefix(given, 3)); // family and given name swapped
        if (r.birthDate().isKnown()) {
            k.add("g:" + g + ":" + r.birthDate().year());
        }
        return k;
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
