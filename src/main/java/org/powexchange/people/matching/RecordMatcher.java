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
    private static final double NO_DATE_FACTOR = 0.90;
    private static final double AMBIGUITY_MARGIN = 0.03;

    private final NameNormalizer names;
    private final double accept;
    private final double review;
    private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

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
        final String given;
        final PartialDate birth;
        final String service;

        Entry(MatchRecord r) {
            key = r.key();
            family = names.skeleton(r.familyName());
            given = names.skeleton(r.givenName());
            birth = r.birthDate() == null ? PartialDate.UNKNOWN : r.birthDate();
            service = normaliseService(r.serviceNumber());
        }
    }

    private static final java.util.Comparator<Entry> CANONICAL = java.util.Comparator
            .comparing((Entry e) -> e.family).thenComparing(e -> e.given)
            .thenComparing(e -> e.birth.toString()).thenComparing(e -> e.service).thenComparingLong(e -> e.key);

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
        return new Result(out, pairs, comparisons);
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
        return round(score(new Entry(a), new Entry(b)));
    }

    private double score(Entry a, Entry b) {
        comparisons++;
        return combine(names(a, b), a.birth.isKnown() && b.birth.isKnown() ? a.birth.similarity(b.birth) : -1);
    }

    /**
     * A record against a person: the best name agreement over the person's records, and the best
     * birth-date agreement over those records whose date is known (so a person whose sources give
     * a date is not matched to a conflicting date through a record that lacks one).
     */
    private double score(Entry e, Cluster c, Entry[] closest) {
        double name = -1;
        double date = -1;
        for (Entry o : c.entries) {
            comparisons++;
            double n = names(e, o);
            if (n > name) {
                name = n;
                closest[0] = o;
            }
            if (e.birth.isKnown() && o.birth.isKnown()) {
                date = Math.max(date, e.birth.similarity(o.birth));
            }
        }
        return combine(name, date);
    }

    private double names(Entry a, Entry b) {
        return (W_FAMILY * similarity(a.family, b.family) + W_GIVEN * similarity(a.given, b.given)) / (W_FAMILY + W_GIVEN);
    }

    /** Names and birth date weighted; with no date to compare, the names alone, discounted. */
    private static double combine(double names, double date) {
        if (date < 0) {
            return names * NO_DATE_FACTOR;
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
        List<String> k = new ArrayList<>(4);
        String f3 = prefix(e.family, 3);
        String g2 = prefix(e.given, 2);
        k.add("n:" + f3 + ":" + g2);
        if (e.birth.isKnown()) {
            k.add("y:" + f3 + ":" + e.birth.year());
            String md = e.birth.unorderedMonthDay();
            if (!md.isEmpty()) {
                k.add("d:" + e.birth.year() + ":" + md + ":" + prefix(e.given, 1));
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
