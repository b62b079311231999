package org.powexchange.people.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Cross-references source records into people. A service number decides where both records have
 * one (equal: the same person; different: never the same). Otherwise records are compared only
 * within blocks (same surname prefix and birth year; same unordered day/month and year; same
 * surname and given-name prefixes) on the Jaro–Winkler similarity of their name skeletons and the
 * similarity of their birth dates. A record scoring at or above {@code accept} against a person joins
 * that person; one between {@code review} and {@code accept} founds a new person and the pair is
 * reported as a possible duplicate for the drafter.
 */
public final class RecordMatcher {

    /** Where an incoming record went: an existing person (group &gt; 0) or a new one (group &lt; 0). */
    public record Assignment(long recordKey, long group, double confidence, String basis) {
    }

    /** A person pair the drafter must decide on, side by side. */
    public record PossibleDuplicate(long group, long otherGroup, long recordKey, long otherRecordKey, double score) {
    }

    public record Result(List<Assignment> assignments, List<PossibleDuplicate> possibleDuplicates, long comparisons) {
    }

    private static final double W_FAMILY = 0.45;
    private static final double W_GIVEN = 0.25;
    private static final double W_DATE = 0.30;
    /** Names alone can reach the accept threshold only when they agree (almost) exactly. */
    private static final double NO_DATE_FACTOR = 0.885;
    private static final double NO_DATE_SLOPE = 2.0;
    static final double AMBIGUITY_MARGIN = 0.03;
    private static final double SWAP_PENALTY = 0.05;
    /** Below this given-name agreement the records are taken for two people of one family. */
    private static final double GIVEN_VETO = 0.7;
    private static final double GIVEN_VETO_PENALTY = 0.15;
    private static final double PATRONYMIC_BONUS = 0.03;
    private static final double PATRONYMIC_PENALTY = 0.15;
    private static final double INITIAL_FIT = 0.88;
    private static final double SAME_NAME_OTHER_FORM = 0.96;

    private final NameNormalizer names;
    private final double accept;
    private final double review;
    private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
    private final org.apache.commons.text.similarity.LevenshteinDistance levenshtein =
            org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();

    private final Map<Long, Cluster> clusters = new HashMap<>();
    private final Map<String, List<Cluster>> blocks = new HashMap<>();
    private final Map<String, Cluster> byServiceNumber = new HashMap<>();
    private long nextNewGroup = -1;
    private long comparisons;

    public RecordMatcher(NameNormalizer names, double accept, double review) {
        if (!(review > 0 && review <= accept && accept <= 1)) {
            throw new IllegalArgumentException("need 0 < review <= accept <= 1");
        }
        this.names = names;
        this.accept = accept;
        this.review = review;
    }

    private final class Entry {
        final long key;
        final String family;
        final String familySkeleton;
        final String given;
        final boolean givenInitial;
        final int[] givenGroups;
        final String patronymic;
        final boolean patronymicInitial;
        final int[] patronymicGroups;
        final PartialDate birth;
        final String service;

        Entry(MatchRecord r) {
            key = r.key();
            family = names.familyKey(r.familyName());
            familySkeleton = names.skeleton(r.familyName());
            given = names.skeleton(r.givenName());
            givenInitial = NameNormalizer.isInitial(r.givenName()) || given.length() == 1;
            givenGroups = givenInitial ? new int[0] : names.givenNames().groups(given);
            patronymic = names.skeleton(r.patronymic());
            patronymicInitial = NameNormalizer.isInitial(r.patronymic()) || patronymic.length() == 1;
            patronymicGroups = patronymic.isEmpty() || patronymicInitial ? new int[0]
                    : names.givenNames().patronymicGroups(patronymic);
            birth = r.birthDate() == null ? PartialDate.UNKNOWN : r.birthDate();
            service = normaliseService(r.serviceNumber());
        }

        /** The key used for blocking: the given name's group where known (Mykola and Nikolai block together). */
        String givenKey() {
            return givenGroups.length > 0 ? "#" + givenGroups[0] : prefix(given, 2);
        }
    }

    /**
     * Most informative records first (full birth date, service number, patronymic, full given name), so that
     * people are founded on what tells them apart and a sparse record meets them all before it is placed;
     * then by content, so that the order of arrival decides nothing.
     */
    private static final java.util.Comparator<Entry> CANONICAL = java.util.Comparator
            .comparingInt((Entry e) -> -information(e)).thenComparing(e -> e.family).thenComparing(e -> e.given)
            .thenComparing(e -> e.birth.toString()).thenComparing(e -> e.service).thenComparingLong(e -> e.key);

    private static int information(Entry e) {
        return (e.birth.isComplete() ? 8 : e.birth.isKnown() ? 4 : 0) + (e.service.isEmpty() ? 0 : 2)
                + (e.patronymic.isEmpty() || e.patronymicInitial ? 0 : 1) + (e.givenInitial ? 0 : 16);
    }

    private static final class Cluster {
        final long id;
        final List<Entry> entries = new ArrayList<>(3);
        final Set<String> services = new HashSet<>(2);

        Cluster(long id) {
            this.id = id;
        }
    }

    /** Seeds the people already known, then assigns each incoming record in order. */
    public Result match(List<MatchRecord> existing, List<MatchRecord> incoming) {
        List<Entry> known = new ArrayList<>(existing.size());
        Map<Long, Long> groupOf = new HashMap<>();
        for (MatchRecord r : existing) {
            if (r.group() <= 0) {
                throw new IllegalArgumentException("existing record " + r.key() + " has no person");
            }
            known.add(new Entry(r));
            groupOf.put(r.key(), r.group());
        }
        known.sort(java.util.Comparator.comparingLong((Entry e) -> groupOf.get(e.key)).thenComparing(CANONICAL));
        for (Entry e : known) {
            add(clusters.computeIfAbsent(groupOf.get(e.key), Cluster::new), e);
        }
        // a canonical order (content, then key) so that the order the records arrive in decides nothing
        List<Entry> ordered = new ArrayList<>(incoming.size());
        for (MatchRecord r : incoming) {
            ordered.add(new Entry(r));
        }
        ordered.sort(CANONICAL);
        List<Assignment> out = new ArrayList<>(incoming.size());
        List<PossibleDuplicate> pairs = new ArrayList<>();
        for (Entry e : ordered) {
            Cluster best = null;
            Entry bestEntry = null;
            double bestScore = -1;
            String basis = "similarity";
            if (!e.service.isEmpty() && byServiceNumber.containsKey(e.service)) {
                best = byServiceNumber.get(e.service);
                bestScore = 1.0;
                bestEntry = best.entries.get(0);
                basis = "service number";
            } else {
                double second = -1;
                for (Cluster c : candidates(e)) {
                    if (!e.service.isEmpty() && !c.services.isEmpty()) {
                        continue; // both known and different: never the same person
                    }
                    if (!reachable(e, c)) {
                        continue;
                    }
                    Entry[] closest = new Entry[1];
                    double s = score(e, c, closest);
                    if (s > bestScore) {
                        second = bestScore;
                        bestScore = s;
                        best = c;
                        bestEntry = closest[0];
                    } else if (s > second) {
                        second = s;
                    }
                }
                if (bestScore >= accept && second >= accept && bestScore - second < AMBIGUITY_MARGIN) {
                    // two people fit almost equally well: the drafter decides, nothing is merged blindly
                    bestScore = Math.min(bestScore, accept - 0.001);
                }
            }
            if (best != null && bestScore >= accept) {
                add(best, e);
                out.add(new Assignment(e.key, best.id, round(bestScore), basis));
            } else {
                Cluster c = new Cluster(nextNewGroup--);
                clusters.put(c.id, c);
                add(c, e);
                out.add(new Assignment(e.key, c.id, 1.0, "new person"));
                if (best != null && bestScore >= review) {
                    pairs.add(new PossibleDuplicate(c.id, best.id, e.key, bestEntry.key, round(bestScore)));
                }
            }
        }
        secondPass(out, pairs);
        mergePass(out, pairs);
        return new Result(out, pairs, comparisons);
    }

    /**
     * A person's records split over two new people when a record arrived that fitted both of them
     * equally: people founded in this run join the person they fit best when the fit is clear, or when
     * the two closest candidates are themselves one person. People known before are never merged here
     * (they may have been kept apart by the drafter), and neither is a person named in a pair.
     */
    private void mergePass(List<Assignment> out, List<PossibleDuplicate> pairs) {
        Set<Long> flagged = new HashSet<>();
        for (PossibleDuplicate p : pairs) {
            flagged.add(p.group());
            flagged.add(p.otherGroup());
        }
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            indexOf.put(out.get(i).recordKey(), i);
        }
        List<Long> fresh = new ArrayList<>();
        for (Long id : clusters.keySet()) {
            if (id < 0 && !flagged.contains(id)) {
                fresh.add(id);
            }
        }
        fresh.sort(java.util.Comparator.reverseOrder()); // -1, -2, ...: the order they were founded in
        for (Long id : fresh) {
            Cluster own = clusters.get(id);
            if (own == null || own.entries.isEmpty()) {
                continue;
            }
            Cluster best = null;
            double bestScore = -1;
            Cluster second = null;
            double secondScore = -1;
            Set<Cluster> seen = new LinkedHashSet<>();
            for (Entry e : own.entries) {
                seen.addAll(candidates(e));
            }
            for (Cluster c : seen) {
                if (c == own || c.entries.isEmpty() || conflicting(own, c)) {
                    continue;
                }
                double s = clusterScore(own, c);
                if (s > bestScore) {
                    second = best;
                    secondScore = bestScore;
                    best = c;
                    bestScore = s;
                } else if (s > secondScore) {
                    second = c;
                    secondScore = s;
                }
            }
            if (best == null || bestScore < accept) {
                continue;
            }
            boolean ambiguous = secondScore >= accept && bestScore - secondScore < AMBIGUITY_MARGIN
                    && !(conflicting(best, second) ? false : clusterScore(second, best) >= accept);
            if (ambiguous) {
                continue;
            }
            for (Entry e : new ArrayList<>(own.entries)) {
                add(best, e);
                Integer i = indexOf.get(e.key);
                if (i != null) {
                    out.set(i, new Assignment(e.key, best.id, round(bestScore), "similarity"));
                }
            }
            own.entries.clear();
            own.services.clear();
            clusters.remove(own.id);
        }
    }

    private static boolean conflicting(Cluster a, Cluster b) {
        return !a.services.isEmpty() && !b.services.isEmpty() && java.util.Collections.disjoint(a.services, b.services);
    }

    private double clusterScore(Cluster a, Cluster b) {
        double best = -1;
        for (Entry e : a.entries) {
            if (reachable(e, b)) {
                best = Math.max(best, score(e, b, new Entry[1]));
            }
        }
        return best;
    }

    /**
     * Records that founded a person of their own before the records that resemble them most had
     * arrived get a second chance against everything now known (order of arrival must not decide).
     */
    private void secondPass(List<Assignment> out, List<PossibleDuplicate> pairs) {
        Set<Long> flagged = new HashSet<>();
        for (PossibleDuplicate p : pairs) {
            // both sides of a pair must stay people of their own: the pair names them
            flagged.add(p.group());
            flagged.add(p.otherGroup());
        }
        for (int i = 0; i < out.size(); i++) {
            Assignment a = out.get(i);
            Cluster own = clusters.get(a.group());
            if (a.group() > 0 || own == null || own.entries.size() != 1 || flagged.contains(a.group())) {
                continue;
            }
            Entry e = own.entries.get(0);
            Cluster best = null;
            double bestScore = -1;
            double second = -1;
            for (Cluster c : candidates(e)) {
                if (c == own || c.entries.isEmpty() || (!e.service.isEmpty() && !c.services.isEmpty())) {
                    continue;
                }
                if (!reachable(e, c)) {
                    continue;
                }
                double s = score(e, c, new Entry[1]);
                if (s > bestScore) {
                    second = bestScore;
                    bestScore = s;
                    best = c;
                } else if (s > second) {
                    second = s;
                }
            }
            if (best != null && bestScore >= accept && !(second >= accept && bestScore - second < AMBIGUITY_MARGIN)) {
                own.entries.clear();
                own.services.clear();
                clusters.remove(own.id);
                add(best, e);
                out.set(i, new Assignment(e.key, best.id, round(bestScore), "similarity"));
            }
        }
    }

    /** The match score of two records in [0, 1] (service numbers aside). */
    public double score(MatchRecord a, MatchRecord b) {
        Cluster c = new Cluster(0);
        c.entries.add(new Entry(b));
        return round(score(new Entry(a), c, new Entry[1]));
    }

    /**
     * A record against a person: the best name agreement over the person's records (also with family and
     * given name swapped), the best birth-date agreement over those records whose date is known (so a
     * person whose sources give a date is not matched to a conflicting date through a record that lacks
     * one) and the best patronymic agreement over those that give one.
     */
    private double score(Entry e, Cluster c, Entry[] closest) {
        double name = -1;
        double given = -1;
        double date = -1;
        double patronymic = -1;
        for (Entry o : c.entries) {
            comparisons++;
            double g = givenSimilarity(e, o);
            double n = (W_FAMILY * familySimilarity(e.family, o.family) + W_GIVEN * g) / (W_FAMILY + W_GIVEN);
            double swapped = (W_FAMILY * familySimilarity(e.familySkeleton, o.given)
                    + W_GIVEN * similarity(e.given, o.familySkeleton)) / (W_FAMILY + W_GIVEN) - SWAP_PENALTY;
            if (swapped > n) {
                n = swapped;
                g = Math.max(g, similarity(e.given, o.familySkeleton));
            }
            if (n > name) {
                name = n;
                closest[0] = o;
            }
            given = Math.max(given, g);
            if (e.birth.isKnown() && o.birth.isKnown()) {
                date = Math.max(date, e.birth.similarity(o.birth));
            }
            patronymic = Math.max(patronymic, patronymicSimilarity(e, o));
        }
        double s = combine(name, date);
        if (given < GIVEN_VETO) {
            s -= GIVEN_VETO_PENALTY; // brothers, twins: same family and date, different given names
        }
        if (patronymic >= 0) {
            s += patronymic >= 0.9 ? PATRONYMIC_BONUS : patronymic < 0.6 ? -PATRONYMIC_PENALTY : 0;
        }
        return Math.max(0, Math.min(1, s));
    }

    /**
     * False when the birth dates alone keep the record below the review threshold against this person (every
     * known date of the person in another year, no clerk's slip that explains it): then no name agreement
     * can lift it to a match or a pair, and the costly name comparisons are skipped. An exact bound, so the
     * result is the same as scoring; it keeps large blocks (common surname and given name among 100,000
     * records) cheap.
     */
    private boolean reachable(Entry e, Cluster c) {
        if (!e.birth.isKnown()) {
            return true;
        }
        double date = -1;
        for (Entry o : c.entries) {
            if (o.birth.isKnown()) {
                date = Math.max(date, e.birth.similarity(o.birth));
            }
        }
        return date < 0 || (W_FAMILY + W_GIVEN) + W_DATE * date + PATRONYMIC_BONUS >= review;
    }

    /** Given names: equal, the same name in another form (Mykola/Nikolai/Kolia), an initial that fits, or spelling. */
    private double givenSimilarity(Entry a, Entry b) {
        if (a.given.isEmpty() || b.given.isEmpty()) {
            return 0;
        }
        if (a.givenInitial || b.givenInitial) {
            return initialFits(a.givenInitial ? a : b, a.givenInitial ? b : a, true) ? INITIAL_FIT : 0;
        }
        if (a.given.equals(b.given)) {
            return 1;
        }
        if (GivenNames.overlap(a.givenGroups, b.givenGroups)) {
            return SAME_NAME_OTHER_FORM;
        }
        double jw = similarity(a.given, b.given);
        // two different known names (Ivan, Ihor) are different people however alike they are spelt
        return a.givenGroups.length > 0 && b.givenGroups.length > 0 ? Math.min(jw, 0.6) : jw;
    }

    /** -1 where either has no patronymic; otherwise as for given names, read back to the father's name. */
    private double patronymicSimilarity(Entry a, Entry b) {
        if (a.patronymic.isEmpty() || b.patronymic.isEmpty()) {
            return -1;
        }
        if (a.patronymicInitial || b.patronymicInitial) {
            return initialFits(a.patronymicInitial ? a : b, a.patronymicInitial ? b : a, false) ? 0.9 : 0.2;
        }
        if (a.patronymic.equals(b.patronymic) || GivenNames.overlap(a.patronymicGroups, b.patronymicGroups)) {
            return 1;
        }
        if (a.patronymicGroups.length > 0 && b.patronymicGroups.length > 0) {
            return 0.2;
        }
        return similarity(a.patronymic, b.patronymic);
    }

    private boolean initialFits(Entry initial, Entry other, boolean givenName) {
        String i = givenName ? initial.given : initial.patronymic;
        String o = givenName ? other.given : other.patronymic;
        if (i.isEmpty() || o.isEmpty()) {
            return false;
        }
        char c = i.charAt(0);
        if (o.charAt(0) == c) {
            return true;
        }
        boolean otherInitial = givenName ? other.givenInitial : other.patronymicInitial;
        return !otherInitial && names.givenNames().initialFits(c, givenName ? other.givenGroups : other.patronymicGroups);
    }

    /**
     * Family names: Jaro–Winkler alone rewards a shared root too much (Babychuk, Babychych, Babychan are
     * different families), so it is averaged with the share of letters that need no edit.
     */
    private double familySimilarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        int edits = levenshtein.apply(a, b);
        return (jw.apply(a, b) + Math.max(0, 1 - (double) edits / Math.max(a.length(), b.length()))) / 2;
    }

    /**
     * Names and birth date weighted; with no date to compare, names alone reach the accept threshold only
     * when they agree (almost) exactly, and fall off steeply below.
     */
    private static double combine(double names, double date) {
        if (date < 0) {
            return NO_DATE_FACTOR - NO_DATE_SLOPE * (1 - names);
        }
        return (W_FAMILY + W_GIVEN) * names + W_DATE * date;
    }

    private double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return a.equals(b) ? 1.0 : jw.apply(a, b);
    }

    private Set<Cluster> candidates(Entry e) {
        Set<Cluster> out = new LinkedHashSet<>();
        for (String k : keys(e)) {
            List<Cluster> b = blocks.get(k);
            if (b != null) {
                out.addAll(b);
            }
        }
        return out;
    }

    private void add(Cluster c, Entry e) {
        c.entries.add(e);
        if (!e.service.isEmpty()) {
            c.services.add(e.service);
            byServiceNumber.putIfAbsent(e.service, c);
        }
        for (String k : keys(e)) {
            List<Cluster> b = blocks.computeIfAbsent(k, x -> new ArrayList<>(2));
            if (!b.contains(c)) {
                b.add(c);
            }
        }
    }

    private static List<String> keys(Entry e) {
        List<String> k = new ArrayList<>(6);
        String f3 = prefix(e.family, 3);
        String g = e.givenInitial ? prefix(e.given, 1) : e.givenKey();
        k.add("n:" + f3 + ":" + g);
        // family and given name swapped: the key the straight record would have
        k.add("n:" + prefix(e.given, 3) + ":" + prefix(e.familySkeleton, 1));
        k.add("n:" + f3 + ":" + prefix(e.given, 1));
        if (e.birth.isKnown()) {
            k.add("y:" + f3 + ":" + e.birth.year());
            String md = e.birth.unorderedMonthDay();
            if (!md.isEmpty()) {
                k.add("d:" + e.birth.year() + ":" + md + ":" + g);
                k.add("m:" + e.birth.year() + ":" + md + ":" + prefix(e.family, 1));
            }
        }
        return k;
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** Cyrillic letters that look like Latin ones: a service number typed in either layout compares equal. */
    private static final String CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХІУ";
    private static final String LATIN_LOOKALIKES = "ABEKMHOPCTXIY";

    /**
     * A service number as compared: letters and digits only, upper case, Cyrillic look-alikes as Latin
     * ({@code КН 798548}, {@code KH-798548} and {@code kh.798548} are one number). Stored as written elsewhere.
     */
    public static String normaliseService(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                char u = Character.toUpperCase(c);
                int look = CYRILLIC_LOOKALIKES.indexOf(u);
                b.append(look >= 0 ? LATIN_LOOKALIKES.charAt(look) : u);
            }
        }
        return b.toString();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
