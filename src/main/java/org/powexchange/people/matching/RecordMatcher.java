package org.powexchange.people.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Another form of the same given name (Mykola, Nikolai, Kolia) is nearly as good as the same spelling: with no
     * date to compare, a diminutive alone must not keep a record from the person it names. */
    private static final double SAME_NAME_OTHER_FORM = 0.99;

    private final NameNormalizer names;
    private final double accept;
    private final double review;
    private final Similarity text = new Similarity();
    private final Similarity.Memo familyMemo = new Similarity.Memo();
    private final Similarity.Memo textMemo = new Similarity.Memo();
    /** Every distinct name skeleton gets an id (from 1), the key of the memos. */
    private final Map<String, Integer> ids = new HashMap<>();
    /** Pooled evidence of one comparison (one record or one person against a person); reused, the matcher is single-threaded. */
    private final Evidence evidence = new Evidence();
    private int stamp;

    private final Map<Long, Cluster> clusters = new HashMap<>();
    /** Blocks by key; a record resolves its keys to blocks once: its own when it is read, those it searches once all are read. */
    private final BlockIndex blocks = new BlockIndex();
    private final Map<String, Cluster> byServiceNumber = new HashMap<>();
    /** Scratch space for one record's keys while its entry is made (the matcher is single-threaded). */
    private final long[] registerKeys = new long[20];
    private final long[] probeKeys = new long[24];
    private final int[] keyCounts = new int[2];
    private static final Block[] NO_BLOCKS = new Block[0];
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
            this(r, true);
        }

        /** {@code blocked} false: a record only scored (no blocks made for it, so repeated scoring keeps nothing). */
        Entry(MatchRecord r, boolean blocked) {
            key = r.key();
            FamilyName f = familyName(r.familyName());
            family = f.key();
            familySkeleton = f.skeleton();
            familyParts = f.parts();
            familyPartIds = f.partIds();
            familyId = f.keyId();
            familySkeletonId = f.skeletonId();
            String givenName = r.givenName();
            String patronymicName = r.patronymic();
            if ((patronymicName == null || patronymicName.isBlank()) && givenName != null
                    && givenName.strip().indexOf(' ') > 0) {
                // "Іван Петрович" in the given-name field: the patronymic is evidence like any other
                String[] split = names.splitPatronymic(givenName);
                if (split != null) {
                    givenName = split[0];
                    patronymicName = split[1];
                }
            }
            GivenName g = givenName(givenName);
            given = g.skeleton();
            givenInitial = g.initial();
            givenGroups = g.groups();
            givenId = g.id();
            GivenName p = patronymic(patronymicName);
            patronymic = p.skeleton();
            patronymicInitial = p.initial();
            patronymicGroups = p.groups();
            patronymicId = p.id();
            birth = r.birthDate() == null ? PartialDate.UNKNOWN : r.birthDate();
            service = normaliseService(r.serviceNumber());
            year = birth.isKnown() ? birth.year() : 0;
            month = birth.month() == null ? 0 : birth.month();
            day = birth.day() == null ? 0 : birth.day();
            birthOrder = year * 10_000 + month * 100 + day;
            information = information(this);
            if (blocked) {
                keys(this, registerKeys, probeKeys, keyCounts);
                keys = blocks(registerKeys, keyCounts[0]);
                pendingProbes = java.util.Arrays.copyOf(probeKeys, keyCounts[1]);
            } else {
                keys = NO_BLOCKS;
                probes = NO_BLOCKS;
            }
        }

        /**
         * The blocks searched for this record's candidates, once every record's own keys have their blocks: a key
         * no record is listed under has no block (none is made for it), and it could never name a candidate.
         */
        void resolveProbes() {
            probes = existingBlocks(pendingProbes);
            pendingProbes = null;
        }

        /** The parts of a double surname as family keys (none for a single surname), and their ids. */
        final String[] familyParts;
        final int[] familyPartIds;
        final int familyId;
        final int familySkeletonId;
        final int givenId;
        final int patronymicId;
        /** The birth date's parts, 0 where unknown (compared in the hot loops without unboxing). */
        final int year;
        final int month;
        final int day;
        /** Orders dates as their text would (1987 < 1987-05 < 1987-05-14 < 1988), without making the text. */
        final int birthOrder;
        final int information;
        /** The blocks the record is listed in, and the blocks searched for its candidates. */
        final Block[] keys;
        Block[] probes;
        /** The keys of {@link #probes} until they are resolved. */
        private long[] pendingProbes;

        /** The key used for blocking: the given name's group where known (Mykola and Nikolai block together). */
        long givenKey() {
            return givenGroups.length > 0 ? GROUP ^ givenGroups[0] : text(given, 2);
        }
    }

    /**
     * Most informative records first (full birth date, service number, patronymic, full given name), so that
     * people are founded on what tells them apart and a sparse record meets them all before it is placed;
     * then by content, so that the order of arrival decides nothing.
     */
    private static final java.util.Comparator<Entry> CANONICAL = java.util.Comparator
            .comparingInt((Entry e) -> -e.information).thenComparing(e -> e.family).thenComparing(e -> e.given)
            .thenComparingInt(e -> e.birthOrder).thenComparing(e -> e.service).thenComparingLong(e -> e.key);

    private static int information(Entry e) {
        return (e.birth.isComplete() ? 8 : e.birth.isKnown() ? 4 : 0) + (e.service.isEmpty() ? 0 : 2)
                + (e.patronymic.isEmpty() || e.patronymicInitial ? 0 : 1) + (e.givenInitial ? 0 : 16);
    }

    private static final class Cluster {
        final long id;
        final List<Entry> entries = new ArrayList<>(3);
        final Set<String> services = new HashSet<>(2);
        /** The first service number added (the only one, mostly). */
        String firstService;
        /** The blocks this person is listed in, so that a block lists a person once. */
        final List<Block> blocked = new ArrayList<>(8);
        /** Marks the person as already collected for the record being placed (no set built per record). */
        int seen;

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
        for (Entry e : known) {
            e.resolveProbes();
        }
        for (Entry e : ordered) {
            e.resolveProbes();
        }
        ordered.sort(CANONICAL);
        List<Assignment> out = new ArrayList<>(incoming.size());
        List<PossibleDuplicate> pairs = new ArrayList<>();
        for (Entry e : ordered) {
            Cluster best = null;
            Entry bestEntry = null;
            double bestScore = -1;
            String basis = "similarity";
            boolean bestSlip = false;
            if (!e.service.isEmpty() && byServiceNumber.containsKey(e.service)) {
                best = byServiceNumber.get(e.service);
                bestScore = 1.0;
                bestEntry = best.entries.get(0);
                basis = "service number";
            } else {
                Choice ch = choose(e, null, review);
                best = ch.best;
                bestEntry = ch.bestEntry;
                bestSlip = ch.bestSlip;
                bestScore = ch.bestScore;
                if (bestScore >= accept && !ch.clear(accept)) {
                    // two people fit almost equally well: the drafter decides, nothing is merged blindly
                    bestScore = Math.min(bestScore, accept - 0.001);
                }
            }
            if (best != null && bestScore >= accept) {
                add(best, e, !bestSlip);
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
     * (they may have been kept apart by the drafter), and neither is a person named in a pair. Two people
     * are compared on all their records at once: a person whose records give a birth date is not joined to
     * one with another date through a record of either that lacks it.
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
            for (Cluster c : candidates(own.entries)) {
                if (c == own || c.entries.isEmpty()) {
                    continue;
                }
                int service = serviceRelation(own, c);
                if (service == SERVICE_OTHER || !reachable(own.entries, c, accept)) {
                    continue; // only a score at accept merges, and only one at accept makes a rival
                }
                double s = score(own.entries, c, null);
                if (service == SERVICE_SLIP && !strongAgreement()) {
                    continue;
                }
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
        return serviceRelation(a, b) == SERVICE_OTHER;
    }

    /** Service numbers compared: one number; the same digits, one written without its series; one slip apart; two numbers. */
    static final int SERVICE_SAME = 0;
    static final int SERVICE_NO_SERIES = 1;
    static final int SERVICE_SLIP = 2;
    static final int SERVICE_OTHER = 3;

    /**
     * How two compared service numbers relate. Some registers leave out the series letters (КН 798548 as 798548):
     * the digits alone do not decide (other series share them), but they veto nothing either. One character
     * mistyped or two neighbouring ones transposed is a slip, which vetoes nothing only where names and the full
     * birth date agree as well ({@link #strongAgreement}); anything else is two numbers, two people.
     */
    static int serviceRelation(String a, String b) {
        if (a.equals(b)) {
            return SERVICE_SAME;
        }
        if (a.length() == b.length() && Character.isDigit(a.charAt(0)) == Character.isDigit(b.charAt(0))) {
            return slip(a, b); // the usual case: both with a series (or both without)
        }
        int la = seriesLength(a);
        int lb = seriesLength(b);
        if ((la == 0) != (lb == 0) && a.length() - la >= 4 && b.length() - lb >= 4
                && a.regionMatches(la, b, lb, a.length() - la) && a.length() - la == b.length() - lb) {
            return SERVICE_NO_SERIES;
        }
        return a.length() == b.length() ? slip(a, b) : SERVICE_OTHER;
    }

    /** Two numbers of one length: one character mistyped or two neighbouring ones transposed is a slip. */
    private static int slip(String a, String b) {
        if (a.length() < 5) {
            return SERVICE_OTHER;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < a.length() && diffs <= 2; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (diffs++ == 0) {
                    first = i;
                }
            }
        }
        boolean transposed = diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
        return diffs == 1 || transposed ? SERVICE_SLIP : SERVICE_OTHER;
    }

    /** The letters a service number starts with (its series). */
    private static int seriesLength(String s) {
        int i = 0;
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The closest relation of a record's service number to a person's (SAME where either has none). */
    private static int serviceRelation(Entry e, Cluster c) {
        if (e.service.isEmpty() || c.services.isEmpty()) {
            return SERVICE_SAME;
        }
        if (c.services.size() == 1) { // the usual case: no iterator (this runs for every candidate)
            return serviceRelation(e.service, c.firstService);
        }
        int best = SERVICE_OTHER;
        for (String s : c.services) {
            best = Math.min(best, serviceRelation(e.service, s));
        }
        return best;
    }

    private static int serviceRelation(Cluster a, Cluster b) {
        if (a.services.isEmpty() || b.services.isEmpty()) {
            return SERVICE_SAME;
        }
        if (a.services.size() == 1 && b.services.size() == 1) { // the usual case: no iterators
            return serviceRelation(a.firstService, b.firstService);
        }
        int best = SERVICE_OTHER;
        for (String x : a.services) {
            for (String y : b.services) {
                best = Math.min(best, serviceRelation(x, y));
            }
        }
        return best;
    }

    /** Family name nearly, given name fully (any form) and the complete birth date exactly agree; no other father. */
    private static final double SLIP_NAME = 0.96;

    /** After a score: whether its evidence is strong enough to read two service numbers one slip apart as one. */
    private boolean strongAgreement() {
        Evidence ev = evidence;
        return ev.date >= 1 && ev.name >= SLIP_NAME && ev.given >= SAME_NAME_OTHER_FORM
                && (ev.patronymic < 0 || ev.patronymic >= 0.9);
    }

    private double clusterScore(Cluster a, Cluster b) {
        return reachable(a.entries, b, accept) ? score(a.entries, b, null) : -1;
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
            // only a score at accept moves the record, and only one at accept makes a rival
            Choice ch = choose(e, own, accept);
            if (ch.clear(accept)) {
                own.entries.clear();
                own.services.clear();
                clusters.remove(own.id);
                add(ch.best, e, !ch.bestSlip);
                out.set(i, new Assignment(e.key, ch.best.id, round(ch.bestScore), "similarity"));
            }
        }
    }

    /** The best and the second-best person for one record; pooled, the matcher is single-threaded. */
    private static final class Choice {
        Cluster best;
        Entry bestEntry;
        double bestScore;
        double second;
        boolean bestSlip;

        /** The best person scores at accept and no rival at accept comes within the ambiguity margin. */
        boolean clear(double accept) {
            return best != null && bestScore >= accept && !(second >= accept && bestScore - second < AMBIGUITY_MARGIN);
        }
    }

    private final Choice choice = new Choice();
    private final Entry[] closest = new Entry[1];

    /**
     * Scores a record against its candidate people other than {@code own}, skipping those it cannot reach
     * {@code reach} with and those a service number rules out (a slipped number only with strong agreement).
     */
    private Choice choose(Entry e, Cluster own, double reach) {
        Choice ch = choice;
        ch.best = null;
        ch.bestEntry = null;
        ch.bestScore = -1;
        ch.second = -1;
        ch.bestSlip = false;
        for (Cluster c : candidates(e)) {
            if (c == own || c.entries.isEmpty()) {
                continue;
            }
            int service = serviceRelation(e, c);
            if (service == SERVICE_OTHER || !reachable(e, c, reach)) {
                continue; // both numbers known and different (never the same person), or out of reach
            }
            double s = score(e, c, closest);
            if (service == SERVICE_SLIP && !strongAgreement()) {
                continue;
            }
            if (s > ch.bestScore) {
                ch.second = ch.bestScore;
                ch.bestScore = s;
                ch.best = c;
                ch.bestEntry = closest[0];
                ch.bestSlip = service == SERVICE_SLIP;
            } else if (s > ch.second) {
                ch.second = s;
            }
        }
        return ch;
    }

    /** The match score of two records in [0, 1] (service numbers aside). */
    public double score(MatchRecord a, MatchRecord b) {
        Cluster c = new Cluster(0);
        c.entries.add(new Entry(b, false));
        return round(score(new Entry(a, false), c, null));
    }

    /** What one comparison found, pooled over the record pairs it looked at. */
    private static final class Evidence {
        double name;
        double given;
        double date;
        double patronymic;
        Entry closest;

        void reset() {
            name = -1;
            given = -1;
            date = -1;
            patronymic = -1;
            closest = null;
        }
    }

    /**
     * A record against a person: the best name agreement over the person's records (also with family and
     * given name swapped), the best birth-date agreement over those records whose date is known (so a
     * person whose sources give a date is not matched to a conflicting date through a record that lacks
     * one) and the best patronymic agreement over those that give one.
     */
    private double score(Entry e, Cluster c, Entry[] closest) {
        evidence.reset();
        for (Entry o : c.entries) {
            compare(e, o);
        }
        if (closest != null) {
            closest[0] = evidence.closest;
        }
        return conclude();
    }

    /** A person against a person: the same, pooled over all pairs of their records. */
    private double score(List<Entry> left, Cluster c, Entry[] closest) {
        evidence.reset();
        for (Entry e : left) {
            for (Entry o : c.entries) {
                compare(e, o);
            }
        }
        if (closest != null) {
            closest[0] = evidence.closest;
        }
        return conclude();
    }

    private void compare(Entry e, Entry o) {
        comparisons++;
        Evidence ev = evidence;
        double g = givenSimilarity(e, o);
        double f = familySimilarity(e, o);
        double n = (W_FAMILY * f + W_GIVEN * g) / (W_FAMILY + W_GIVEN);
        // family and given name swapped: worth computing only when it could beat the straight reading (the
        // given-name part first, the costlier family part only when it could still make up the difference)
        if (n < 1 - SWAP_PENALTY) {
            double swappedGiven = similarity(e.givenId, e.given, o.familySkeletonId, o.familySkeleton);
            if ((W_FAMILY + W_GIVEN * swappedGiven) / (W_FAMILY + W_GIVEN) - SWAP_PENALTY > n) {
                double swapped = (W_FAMILY * familySimilarity(e.familySkeletonId, e.familySkeleton, o.givenId, o.given)
                        + W_GIVEN * swappedGiven) / (W_FAMILY + W_GIVEN) - SWAP_PENALTY;
                if (swapped > n) {
                    n = swapped;
                    g = Math.max(g, swappedGiven);
                }
            }
        }
        if (n > ev.name) {
            ev.name = n;
            ev.closest = o;
        }
        ev.given = Math.max(ev.given, g);
        if (e.birth.isKnown() && o.birth.isKnown()) {
            ev.date = Math.max(ev.date, dateSimilarity(e, o));
        }
        ev.patronymic = Math.max(ev.patronymic, patronymicSimilarity(e, o));
    }

    private double conclude() {
        Evidence ev = evidence;
        double s = combine(ev.name, ev.date);
        if (ev.given < GIVEN_VETO) {
            s -= GIVEN_VETO_PENALTY; // brothers, twins: same family and date, different given names
        }
        if (ev.patronymic >= 0) {
            s += ev.patronymic >= 0.9 ? PATRONYMIC_BONUS : ev.patronymic < 0.6 ? -PATRONYMIC_PENALTY : 0;
        }
        return Math.max(0, Math.min(1, s));
    }

    /** {@link PartialDate#similarity}, skipping the call where it is 0 for certain (other years, other day). */
    private static double dateSimilarity(Entry a, Entry b) {
        if (a.year != b.year && !(a.day != 0 && a.month == b.month && a.day == b.day) && !overNewYear(a, b)) {
            return 0;
        }
        return PartialDate.similarity(a.year, a.month, a.day, b.year, b.month, b.day);
    }

    /** Complete dates in December and January of neighbouring years: a day or a month may have slipped. */
    private static boolean overNewYear(Entry a, Entry b) {
        return a.day != 0 && b.day != 0 && (a.year + 1 == b.year && a.month == 12 && b.month == 1
                || b.year + 1 == a.year && b.month == 12 && a.month == 1);
    }

    /**
     * False when the birth dates alone keep the record below the review threshold against this person (every
     * known date of the person in another year, no clerk's slip that explains it): then no name agreement
     * can lift it to a match or a pair, and the costly name comparisons are skipped. An exact bound, so the
     * result is the same as scoring; it keeps large blocks (common surname and given name among 100,000
     * records) cheap.
     */
    private boolean reachable(Entry e, Cluster c, double threshold) {
        if (e.year == 0) {
            return true;
        }
        double date = -1;
        for (Entry o : c.entries) {
            if (o.year != 0) {
                date = Math.max(date, dateSimilarity(e, o));
            }
        }
        return date < 0 || (W_FAMILY + W_GIVEN) + W_DATE * date + PATRONYMIC_BONUS >= threshold;
    }

    /** As above for a person's records together (dates pooled as in scoring). */
    private boolean reachable(List<Entry> left, Cluster c, double threshold) {
        double date = -1;
        for (Entry e : left) {
            if (e.year == 0) {
                continue;
            }
            for (Entry o : c.entries) {
                if (o.year != 0) {
                    date = Math.max(date, dateSimilarity(e, o));
                }
            }
        }
        return date < 0 || (W_FAMILY + W_GIVEN) + W_DATE * date + PATRONYMIC_BONUS >= threshold;
    }

    /** Given names: equal, the same name in another form (Mykola/Nikolai/Kolia), an initial that fits, or spelling. */
    private double givenSimilarity(Entry a, Entry b) {
        if (a.givenId == 0 || b.givenId == 0) { // ids, not the strings: no string is read per comparison
            return 0;
        }
        if (a.givenInitial || b.givenInitial) {
            return initialFits(a.givenInitial ? a : b, a.givenInitial ? b : a, true) ? INITIAL_FIT : 0;
        }
        if (a.givenId == b.givenId) {
            return 1;
        }
        if (GivenNames.overlap(a.givenGroups, b.givenGroups)) {
            return SAME_NAME_OTHER_FORM;
        }
        double jw = similarity(a.givenId, a.given, b.givenId, b.given);
        // two different known names (Ivan, Ihor) are different people however alike they are spelt
        return a.givenGroups.length > 0 && b.givenGroups.length > 0 ? Math.min(jw, 0.6) : jw;
    }

    /** -1 where either has no patronymic; otherwise as for given names, read back to the father's name. */
    private double patronymicSimilarity(Entry a, Entry b) {
        if (a.patronymicId == 0 || b.patronymicId == 0) {
            return -1;
        }
        if (a.patronymicInitial || b.patronymicInitial) {
            return initialFits(a.patronymicInitial ? a : b, a.patronymicInitial ? b : a, false) ? 0.9 : 0.2;
        }
        if (a.patronymicId == b.patronymicId || GivenNames.overlap(a.patronymicGroups, b.patronymicGroups)) {
            return 1;
        }
        if (a.patronymicGroups.length > 0 && b.patronymicGroups.length > 0) {
            return 0.2;
        }
        // a father's name we do not know: compare what precedes the ending (-ovych, -ivna ...), which all share
        return similarity(GivenNames.patronymicStem(a.patronymic), GivenNames.patronymicStem(b.patronymic));
    }

    private boolean initialFits(Entry initial, Entry other, boolean givenName) {
        String i = givenName ? initial.given : initial.patronymic;
        String o = givenName ? other.given : other.patronymic;
        if (i.isEmpty() || o.isEmpty()) {
            return false;
        }
        char c = lead(i);
        char d = lead(o);
        // Є and Е (Yevhen, Yelena) are Y., I. or J. in Latin initials, Є. and Е. in Cyrillic ones
        if (d == c || c == 'i' && d == 'e' || c == 'e' && d == 'i') {
            return true;
        }
        boolean otherInitial = givenName ? other.givenInitial : other.patronymicInitial;
        return !otherInitial && names.givenNames().initialFits(c, givenName ? other.givenGroups : other.patronymicGroups);
    }

    /** The letter a name or an initial stands for: an initial Є or Е reads "ie" (Ye), the name's skeleton "e". */
    private static char lead(String skeleton) {
        return skeleton.length() == 2 && skeleton.charAt(0) == 'i' && skeleton.charAt(1) == 'e' ? 'e' : skeleton.charAt(0);
    }

    /**
     * German sch is ш or ж, French ch ш or (English-style) ч: Schurtschuk is Журчук, Dorochin Дорошин. Two family
     * names that differ only there read as one name with a slight doubt (enough for a date to decide; without a
     * date not enough to merge, only to pair).
     */
    private static final double SIBILANT_READING = 0.97;

    /** One part of a double surname against a single one (or a part) agrees a little less than the whole name. */
    private static final double FAMILY_PART = 0.98;

    /**
     * Family names, a double surname (Коваленко-Шевчук) also by its parts: registers often give one part only.
     */
    private double familySimilarity(Entry a, Entry b) {
        double f = familySimilarity(a.familyId, a.family, b.familyId, b.family);
        if (f < 1 && (a.familyParts.length > 0 || b.familyParts.length > 0)) {
            f = Math.max(f, FAMILY_PART * partSimilarity(a, b));
        }
        return f;
    }

    private double partSimilarity(Entry a, Entry b) {
        double best = 0;
        if (a.familyParts.length == 0 || b.familyParts.length == 0) {
            Entry parted = a.familyParts.length > 0 ? a : b;
            Entry whole = parted == a ? b : a;
            for (int i = 0; i < parted.familyParts.length; i++) {
                best = Math.max(best, familySimilarity(parted.familyPartIds[i], parted.familyParts[i], whole.familyId,
                        whole.family));
            }
            return best;
        }
        for (int i = 0; i < a.familyParts.length; i++) {
            for (int j = 0; j < b.familyParts.length; j++) {
                best = Math.max(best, familySimilarity(a.familyPartIds[i], a.familyParts[i], b.familyPartIds[j],
                        b.familyParts[j]));
            }
        }
        return best;
    }

    /**
     * Family names: Jaro–Winkler alone rewards a shared root too much (Babychuk, Babychych, Babychan are
     * different families), so it is averaged with the share of letters that need no edit.
     */
    private double familySimilarity(int idA, String a, int idB, String b) {
        if (idA == 0 || idB == 0) {
            return 0;
        }
        if (idA == idB) {
            return 1;
        }
        double known = familyMemo.get(idA, idB);
        if (!Double.isNaN(known)) {
            return known;
        }
        int edits = text.levenshtein(a, b);
        double s = (text.jaroWinkler(a, b) + Math.max(0, 1 - (double) edits / Math.max(a.length(), b.length()))) / 2;
        if (s < SIBILANT_READING && NameNormalizer.sameButSibilants(a, b)) {
            s = SIBILANT_READING;
        }
        familyMemo.put(idA, idB, s);
        return s;
    }

    private double similarity(int idA, String a, int idB, String b) {
        if (idA == 0 || idB == 0) {
            return 0;
        }
        if (idA == idB) {
            return 1;
        }
        double known = textMemo.get(idA, idB);
        if (!Double.isNaN(known)) {
            return known;
        }
        double s = text.jaroWinkler(a, b);
        textMemo.put(idA, idB, s);
        return s;
    }

    /** A family name as compared: its key, skeleton, the parts of a double name, and their ids. */
    private record FamilyName(String key, String skeleton, String[] parts, int[] partIds, int keyId, int skeletonId) {
    }

    /** A given name or patronymic as compared. */
    private record GivenName(String skeleton, boolean initial, int[] groups, int id) {
    }

    private static final int[] NO_GROUPS = new int[0];
    /**
     * Names repeat across the records of one person and of many (100,000 records carry some 30,000 family names):
     * each written form is read once, not once per record.
     */
    private final Map<String, FamilyName> familyNames = new HashMap<>();
    private final Map<String, GivenName> givenNames = new HashMap<>();
    private final Map<String, GivenName> patronymics = new HashMap<>();

    private FamilyName familyName(String written) {
        FamilyName known = familyNames.get(written);
        if (known == null) {
            String[] parts = names.familyParts(written);
            int[] partIds = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                partIds[i] = id(parts[i]);
            }
            String key = names.familyKey(written);
            String skeleton = names.skeleton(written);
            known = new FamilyName(key, skeleton, parts, partIds, id(key), id(skeleton));
            familyNames.put(written, known);
        }
        return known;
    }

    private GivenName givenName(String written) {
        return givenOrPatronymic(written, givenNames, false);
    }

    private GivenName patronymic(String written) {
        return givenOrPatronymic(written, patronymics, true);
    }

    /** A given name, or a patronymic read back to the father's name for its groups. */
    private GivenName givenOrPatronymic(String written, Map<String, GivenName> read, boolean patronymic) {
        GivenName known = read.get(written);
        if (known == null) {
            String skeleton = names.skeleton(written);
            boolean initial = NameNormalizer.isInitial(written) || skeleton.length() == 1;
            int[] groups = initial || skeleton.isEmpty() ? NO_GROUPS
                    : patronymic ? names.givenNames().patronymicGroups(skeleton) : names.givenNames().groups(skeleton);
            known = new GivenName(skeleton, initial, groups, id(skeleton));
            read.put(written, known);
        }
        return known;
    }

    /** 0 for the empty name: an empty name compares with nothing. */
    private int id(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Integer known = ids.get(s);
        if (known == null) {
            known = ids.size() + 1;
            ids.put(s, known);
        }
        return known;
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
        return a.equals(b) ? 1.0 : text.jaroWinkler(a, b);
    }

    /** The people sharing a block with the record, each once, in the order of its keys and the blocks. */
    private List<Cluster> candidates(Entry e) {
        int mark = ++stamp;
        List<Cluster> out = found;
        out.clear();
        collect(e, mark, out);
        return out;
    }

    private List<Cluster> candidates(List<Entry> entries) {
        int mark = ++stamp;
        List<Cluster> out = found;
        out.clear();
        for (Entry e : entries) {
            collect(e, mark, out);
        }
        return out;
    }

    /** The candidates of the record being placed; reused (no caller asks for a second list while it reads one). */
    private final List<Cluster> found = new ArrayList<>();

    private void collect(Entry e, int mark, List<Cluster> out) {
        for (Block b : e.probes) {
            Cluster[] members = b.members;
            for (int i = 0, n = b.size; i < n; i++) {
                Cluster c = members[i];
                if (c.seen != mark) {
                    c.seen = mark;
                    out.add(c);
                }
            }
        }
    }

    /** The people listed under one blocking key, in the order they were listed. */
    private static final class Block {
        /** Most blocks list one or two people: an array of its own, not a list around one (100,000s of blocks). */
        Cluster[] members = new Cluster[2];
        int size;

        void add(Cluster c) {
            if (size == members.length) {
                members = java.util.Arrays.copyOf(members, size * 2);
            }
            members[size++] = c;
        }
    }

    private Block[] blocks(long[] keys, int n) {
        Block[] out = new Block[n];
        for (int i = 0; i < n; i++) {
            out[i] = blocks.get(keys[i]);
        }
        return out;
    }

    /** The blocks of those keys that have one, in the order of the keys. */
    private Block[] existingBlocks(long[] keys) {
        Block[] found = new Block[keys.length];
        int n = 0;
        for (long k : keys) {
            Block b = blocks.find(k);
            if (b != null) {
                found[n++] = b;
            }
        }
        return n == found.length ? found : java.util.Arrays.copyOf(found, n);
    }

    /** Blocks by their 64-bit key (open addressing; a clash of two keys would only add candidates). */
    private static final class BlockIndex {
        private long[] keys = new long[1 << 12];
        private Block[] values = new Block[1 << 12];
        private int size;

        /** The block of a key, or null where no record is listed under it. */
        Block find(long k) {
            int i = slot(nonZero(k));
            return keys[i] == 0 ? null : values[i];
        }

        Block get(long k) {
            k = nonZero(k);
            int i = slot(k);
            if (keys[i] != 0) {
                return values[i];
            }
            Block b = new Block();
            keys[i] = k;
            values[i] = b;
            if (2 * ++size > keys.length) {
                grow();
            }
            return b;
        }

        /** Where a key is, or the free slot where it would go. */
        private int slot(long k) {
            int mask = keys.length - 1;
            int i = (int) (k ^ (k >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** 0 marks a free slot: key 0 is kept as 1 (a clash only adds candidates). */
        private static long nonZero(long k) {
            return k == 0 ? 1 : k;
        }

        private void grow() {
            long[] oldKeys = keys;
            Block[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new Block[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                long k = oldKeys[j];
                if (k != 0) {
                    int i = slot(k);
                    keys[i] = k;
                    values[i] = oldValues[j];
                }
            }
        }
    }

    private void add(Cluster c, Entry e) {
        add(c, e, true);
    }

    /**
     * {@code withService} false for a record joined despite a slip in its service number: the mistyped number is
     * not the person's (it may be another soldier's, a brother's next number), so it is neither listed nor compared.
     */
    private void add(Cluster c, Entry e, boolean withService) {
        c.entries.add(e);
        if (withService && !e.service.isEmpty()) {
            if (c.services.isEmpty()) {
                c.firstService = e.service;
            }
            c.services.add(e.service);
            byServiceNumber.putIfAbsent(e.service, c);
        }
        for (Block b : e.keys) {
            if (!c.blocked.contains(b)) {
                c.blocked.add(b);
                b.add(c);
            }
        }
    }

    /**
     * Blocking keys. The name keys (family prefix with given-name group or initial; the same with family and
     * given name swapped) are combined with the birth year: a dated record can reach a score worth a pair
     * only against a person with a date in the same year, or a complete date one slip away (same day and
     * month: the S key), or no date at all (the U keys, listing people with an undated record). A record
     * without a date searches all people of its name over all years (the N keys). Family prefix and year,
     * and the unordered day and month with year, catch spelling variants the name keys miss. Keys are
     * 64-bit hashes of their parts: no strings built per record.
     */
    private void keys(Entry e, long[] register, long[] probe, int[] counts) {
        int r = 0;
        int p = 0;
        long f3 = text(e.family, 3);
        long g = e.givenInitial ? text(e.given, 1) : e.givenKey();
        long[] names = e.familyParts.length == 0
                ? new long[] {mix(f3, g), mix(text(e.given, 3), text(e.familySkeleton, 1)), mix(f3, text(e.given, 1))}
                // a double surname is also listed under its last part (the first part leads the whole name's key)
                : new long[] {mix(f3, g), mix(text(e.given, 3), text(e.familySkeleton, 1)), mix(f3, text(e.given, 1)),
                    mix(text(e.familyParts[e.familyParts.length - 1], 3), g)};
        if (e.year == 0) {
            for (long n : names) {
                register[r++] = mix(K_NAME_ANY_YEAR, n);
                register[r++] = mix(K_UNDATED, n);
                probe[p++] = mix(K_NAME_ANY_YEAR, n);
            }
        } else {
            for (long n : names) {
                long y = mix(mix(K_NAME_YEAR, n), e.year);
                register[r++] = y;
                probe[p++] = y;
                register[r++] = mix(K_NAME_ANY_YEAR, n);
                probe[p++] = mix(K_UNDATED, n);
                if (e.day != 0 && (e.month == 1 || e.month == 12)) { // a slip over New Year
                    probe[p++] = mix(mix(K_NAME_YEAR, n), e.month == 1 ? e.year - 1 : e.year + 1);
                }
            }
            long y = mix(mix(K_FAMILY_YEAR, f3), e.year);
            register[r++] = y;
            probe[p++] = y;
            if (e.day != 0) {
                long md = Math.min(e.month, e.day) * 100L + Math.max(e.month, e.day);
                long d = mix(mix(mix(K_DAY, e.year), md), g);
                long m = mix(mix(mix(K_DAY_FAMILY, e.year), md), text(e.family, 1));
                register[r++] = d;
                register[r++] = m;
                probe[p++] = d;
                probe[p++] = m;
                for (long n : names) { // a year one slip away: same day and month, any year
                    long slip = mix(mix(K_SLIP, e.month * 100L + e.day), n);
                    register[r++] = slip;
                    probe[p++] = slip;
                }
            }
        }
        counts[0] = r;
        counts[1] = p;
    }

    private static final long GROUP = 0x5bd1e9955bd1e995L;
    private static final long K_NAME_YEAR = 11;
    private static final long K_NAME_ANY_YEAR = 12;
    private static final long K_UNDATED = 13;
    private static final long K_FAMILY_YEAR = 14;
    private static final long K_DAY = 15;
    private static final long K_DAY_FAMILY = 16;
    private static final long K_SLIP = 17;

    /** A hash of the first {@code n} letters of a skeleton (all of it when shorter). */
    private static long text(String s, int n) {
        long h = 0x100000001b3L;
        for (int i = 0, end = Math.min(n, s.length()); i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h ^ ((long) Math.min(n, s.length()) << 56);
    }

    private static long mix(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ b;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
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
