package org.powexchange.people.matching;

import org.powexchange.UnitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Cross-referencing is total: thousands of random record sets built to provoke the awkward cases
 * (chains A≈B≈C, service-number conflicts inside a chain, identical records, a record whose best
 * match is a person founded later in the same run, re-imports against people already known) never
 * throw, place every record exactly once, name two existing different people in every pair, and give
 * the same people and pairs whatever the order of the input.
 */
@UnitTest
class RecordMatcherPropertyTest {

    private static final String[] FAMILY = {"Kovalenko", "Kovalenka", "Kowalenko", "Коваленко", "Kovalchuk", "Kovalchuck",
        "Shevchenko", "Szewczenko", "Bondar", "Bondarenko", "Бондар"};
    private static final String[] GIVEN = {"Ivan", "Iwan", "Іван", "Ivann", "Petro", "Petr", "Pedro", "Mykola", "Nikolai"};
    private static final String[] PATRONYMIC = {null, "Ivanovych", "I.", "Ivanovich", "Petrovych", null};
    private static final String[] SERVICE = {null, null, null, "AB 123456", "AB123456", "AB-123457", "ab.123456", "ZX/1"};

    private final NameNormalizer names = new NameNormalizer();

    @Test
    void totalOverThousandsOfAwkwardRecordSets() {
        Random rnd = new Random(20261201L);
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(25);
            List<MatchRecord> existing = new ArrayList<>();
            List<MatchRecord> incoming = new ArrayList<>();
            long key = 1;
            int groups = rnd.nextInt(4);
            for (int g = 1; g <= groups; g++) {
                for (int i = rnd.nextInt(3); i >= 0; i--) {
                    existing.add(random(rnd, key++, 1000 + g));
                }
            }
            for (int i = 0; i < n; i++) {
                MatchRecord r;
                if (!incoming.isEmpty() && rnd.nextInt(4) == 0) {
                    MatchRecord c = incoming.get(rnd.nextInt(incoming.size()));
                    r = new MatchRecord(key++, 0, c.familyName(), c.givenName(), c.patronymic(), c.birthDate(),
                            rnd.nextBoolean() ? c.serviceNumber() : SERVICE[rnd.nextInt(SERVICE.length)]);
                } else if (!existing.isEmpty() && rnd.nextInt(5) == 0) {
                    MatchRecord c = existing.get(rnd.nextInt(existing.size())); // re-import of a known record
                    r = new MatchRecord(key++, 0, c.familyName(), c.givenName(), c.patronymic(), c.birthDate(),
                            c.serviceNumber());
                } else {
                    r = random(rnd, key++, 0);
                }
                incoming.add(r);
            }
            Outcome first = run(existing, incoming);
            check(existing, incoming, first, round);
            List<MatchRecord> shuffled = new ArrayList<>(incoming);
            Collections.shuffle(shuffled, rnd);
            List<MatchRecord> shuffledExisting = new ArrayList<>(existing);
            Collections.shuffle(shuffledExisting, rnd);
            Outcome second = run(shuffledExisting, shuffled);
            check(shuffledExisting, shuffled, second, round);
            assertEquals(first.people, second.people, "round " + round + ": the people depend on the input order");
            assertEquals(first.pairs, second.pairs, "round " + round + ": the pairs depend on the input order");
        }
    }

    private MatchRecord random(Random rnd, long key, long group) {
        int y = 1970 + rnd.nextInt(4);
        PartialDate birth = switch (rnd.nextInt(6)) {
            case 0 -> PartialDate.UNKNOWN;
            case 1 -> new PartialDate(y, null, null);
            default -> new PartialDate(y, 1 + rnd.nextInt(3), 1 + rnd.nextInt(3));
        };
        return new MatchRecord(key, group, FAMILY[rnd.nextInt(FAMILY.length)], GIVEN[rnd.nextInt(GIVEN.length)],
                PATRONYMIC[rnd.nextInt(PATRONYMIC.length)], birth, SERVICE[rnd.nextInt(SERVICE.length)]);
    }

    /** People as sets of record keys (a known person also holds its known records); pairs as pairs of such sets. */
    private record Outcome(RecordMatcher.Result result, Set<Set<Long>> people, Set<List<Set<Long>>> pairs,
                           Map<Long, Set<Long>> byGroup) {
    }

    private Outcome run(List<MatchRecord> existing, List<MatchRecord> incoming) {
        RecordMatcher.Result r = new RecordMatcher(names, 0.90, 0.75).match(existing, incoming);
        Map<Long, Set<Long>> byGroup = new HashMap<>();
        for (MatchRecord e : existing) {
            byGroup.computeIfAbsent(e.group(), g -> new TreeSet<>()).add(-e.key());
        }
        for (RecordMatcher.Assignment a : r.assignments()) {
            byGroup.computeIfAbsent(a.group(), g -> new TreeSet<>()).add(a.recordKey());
        }
        Set<List<Set<Long>>> pairs = new HashSet<>();
        for (RecordMatcher.PossibleDuplicate p : r.possibleDuplicates()) {
            Set<Long> a = byGroup.get(p.group());
            Set<Long> b = byGroup.get(p.otherGroup());
            pairs.add(a == null || b == null ? List.of() : List.of(a, b));
        }
        return new Outcome(r, new HashSet<>(byGroup.values()), pairs, byGroup);
    }

    private void check(List<MatchRecord> existing, List<MatchRecord> incoming, Outcome o, int round) {
        Set<Long> placed = new HashSet<>();
        Set<Long> knownGroups = new HashSet<>();
        existing.forEach(e -> knownGroups.add(e.group()));
        for (RecordMatcher.Assignment a : o.result.assignments()) {
            assertTrue(placed.add(a.recordKey()), "round " + round + ": record " + a.recordKey() + " placed twice");
            assertTrue(a.group() < 0 || knownGroups.contains(a.group()),
                    "round " + round + ": record placed with a person that does not exist");
        }
        assertEquals(incoming.size(), placed.size(), "round " + round + ": every record is placed exactly once");
        for (RecordMatcher.PossibleDuplicate p : o.result.possibleDuplicates()) {
            assertTrue(o.byGroup.containsKey(p.group()) && o.byGroup.containsKey(p.otherGroup()),
                    "round " + round + ": a pair names a person no record belongs to: " + p);
            assertNotEquals(p.group(), p.otherGroup(), "round " + round + ": a pair of one person with itself");
            assertTrue(p.group() < 0, "round " + round + ": a pair's first person is founded in this run");
        }
    }
}
