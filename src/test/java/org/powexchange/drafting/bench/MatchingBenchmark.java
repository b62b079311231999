package org.powexchange.drafting.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powexchange.people.matching.MatchRecord;
import org.powexchange.people.matching.NameNormalizer;
import org.powexchange.people.matching.RecordMatcher;

/**
 * Cross-references synthetic sources with known truth and prints records per second and pairwise
 * precision, recall and F1. Run it with scripts/bench-matching.sh (see README). Arguments:
 * [people=12000] [records=30000] [seed=20250523] [accept=0.90] [review=0.75].
 */
public final class MatchingBenchmark {

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250523L;
        double accept = args.length > 3 ? Double.parseDouble(args[3]) : 0.875;
        double review = args.length > 4 ? Double.parseDouble(args[4]) : 0.75;

        long g0 = System.nanoTime();
        // -Dbench.classic=true: the generator without the widened variation (for comparison with earlier figures)
        SyntheticSources gen = Boolean.getBoolean("bench.classic") ? SyntheticSources.classic(seed) : new SyntheticSources(seed);
        List<SyntheticSources.Person> population = gen.people(people);
        List<SyntheticSources.Record> records = gen.records(population, total);
        long g1 = System.nanoTime();

        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<MatchRecord> incoming = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SyntheticSources.Record r = records.get(i);
            incoming.add(new MatchRecord(i, 0, r.family(), r.given(), r.patronymic(), r.birth(), r.serviceNumber()));
        }
        RecordMatcher.Result result = new RecordMatcher(new NameNormalizer(), accept, review).match(List.of(), incoming);
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();

        // pairwise truth: a pair of records is a true match when both are about the same person
        Map<Long, Map<Integer, Integer>> clusterTruth = new HashMap<>();
        Map<Integer, Integer> truthSizes = new HashMap<>();
        for (RecordMatcher.Assignment a : result.assignments()) {
            int truth = records.get((int) a.recordKey()).truthId();
            clusterTruth.computeIfAbsent(a.group(), k -> new HashMap<>()).merge(truth, 1, Integer::sum);
            truthSizes.merge(truth, 1, Integer::sum);
        }
        long predicted = 0;
        long truePositives = 0;
        for (Map<Integer, Integer> byTruth : clusterTruth.values()) {
            int n = byTruth.values().stream().mapToInt(Integer::intValue).sum();
            predicted += pairs(n);
            for (int c : byTruth.values()) {
                truePositives += pairs(c);
            }
        }
        if (Boolean.getBoolean("bench.pairs")) {
            int shownPairs = 0;
            for (RecordMatcher.PossibleDuplicate p : result.possibleDuplicates()) {
                SyntheticSources.Record a = records.get((int) p.recordKey());
                SyntheticSources.Record b = records.get((int) p.otherRecordKey());
                if (shownPairs++ < 60) {
                    System.out.println((a.truthId() == b.truthId() ? "same " : "diff ") + p.score() + " " + a + " / " + b);
                }
            }
        }
        if (Boolean.getBoolean("bench.kinds")) {
            falseMergesByKind(population, records, result, new RecordMatcher(new NameNormalizer(), accept, review), incoming);
        }
        if (Boolean.getBoolean("bench.debug")) {
            Map<Integer, List<Integer>> byTruth = new HashMap<>();
            Map<Long, Long> groupOf = new HashMap<>();
            for (RecordMatcher.Assignment a : result.assignments()) {
                groupOf.put(a.recordKey(), a.group());
                byTruth.computeIfAbsent(records.get((int) a.recordKey()).truthId(), k -> new ArrayList<>()).add((int) a.recordKey());
            }
            Map<Long, List<Integer>> members = new HashMap<>();
            for (RecordMatcher.Assignment a : result.assignments()) {
                members.computeIfAbsent(a.group(), k -> new ArrayList<>()).add((int) a.recordKey());
            }
            int wrong = 0;
            for (List<Integer> m : members.values()) {
                if (m.stream().map(k -> records.get(k).truthId()).distinct().count() > 1 && wrong++ < 15) {
                    System.out.println("mixed " + m.stream().map(records::get).toList());
                }
            }
            RecordMatcher scorer = new RecordMatcher(new NameNormalizer(), accept, review);
            int high = 0;
            int low = 0;
            for (List<Integer> keys : byTruth.values()) {
                for (int i = 0; i < keys.size(); i++) {
                    for (int j = i + 1; j < keys.size(); j++) {
                        if (!groupOf.get((long) keys.get(i)).equals(groupOf.get((long) keys.get(j)))) {
                            if (scorer.score(incoming.get(keys.get(i)), incoming.get(keys.get(j))) >= accept) {
                                high++;
                            } else {
                                low++;
                            }
                        }
                    }
                }
            }
            System.out.println("missed pairs scoring at/above accept " + high + ", below " + low);
            Map<String, Integer> missedKinds = new java.util.TreeMap<>();
            for (List<Integer> keys : byTruth.values()) {
                for (int i = 0; i < keys.size(); i++) {
                    for (int j = i + 1; j < keys.size(); j++) {
                        if (!groupOf.get((long) keys.get(i)).equals(groupOf.get((long) keys.get(j)))) {
                            double sc = scorer.score(incoming.get(keys.get(i)), incoming.get(keys.get(j)));
                            SyntheticSources.Record a = records.get(keys.get(i));
                            SyntheticSources.Record b = records.get(keys.get(j));
                            String sv = a.serviceNumber() != null && b.serviceNumber() != null
                                    && !RecordMatcher.normaliseService(a.serviceNumber()).equals(RecordMatcher.normaliseService(b.serviceNumber())) ? " svc-differ" : "";
                            String d = precision(a).compareTo(precision(b)) <= 0 ? precision(a) + "~" + precision(b) : precision(b) + "~" + precision(a);
                            String mk = d + (sc >= accept ? " >=accept" : sc >= review ? " review" : " low") + sv;
                            if (missedKinds.merge(mk, 1, Integer::sum) <= 6 && mk.startsWith(System.getProperty("bench.missedSample", "-"))) {
                                System.out.println("  sample " + mk + " " + sc + "\n     " + a + "\n     " + b);
                            }
                        }
                    }
                }
            }
            missedKinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(x -> System.out.printf("missed %6d %s%n", x.getValue(), x.getKey()));
            int shown = 0;
            for (List<Integer> keys : byTruth.values()) {
                for (int i = 1; i < keys.size() && shown < 40; i++) {
                    if (!groupOf.get((long) keys.get(0)).equals(groupOf.get((long) keys.get(i)))) {
                        System.out.println("missed " + records.get(keys.get(0)) + " / " + records.get(keys.get(i)) + " "
                                + scorer.score(incoming.get(keys.get(0)), incoming.get(keys.get(i))));
                        shown++;
                    }
                }
            }
        }
        long actual = truthSizes.values().stream().mapToLong(MatchingBenchmark::pairs).sum();
        double precision = predicted == 0 ? 1 : (double) truePositives / predicted;
        double recall = actual == 0 ? 1 : (double) truePositives / actual;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double seconds = (t1 - t0) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("records            %d (people %d, seed %d)%n", records.size(), people, seed);
        System.out.printf("people found       %d%n", clusterTruth.size());
        long samePerson = result.possibleDuplicates().stream()
                .filter(p -> records.get((int) p.recordKey()).truthId() == records.get((int) p.otherRecordKey()).truthId())
                .count();
        System.out.printf("possible duplicates for the drafter %d (%.2f %% of records; %d of them one person)%n",
                result.possibleDuplicates().size(), 100.0 * result.possibleDuplicates().size() / records.size(), samePerson);
        System.out.printf("comparisons        %d%n", result.comparisons());
        System.out.printf("generation         %.2f s%n", (g1 - g0) / 1e9);
        System.out.printf("cross-referencing  %.2f s, %.0f records/s%n", seconds, records.size() / seconds);
        System.out.printf("  of which CPU     %.2f s (the rest is waiting for a core on a shared machine)%n", (c1 - c0) / 1e9);
        System.out.printf("precision          %.4f%n", precision);
        System.out.printf("recall             %.4f%n", recall);
        System.out.printf("F1                 %.4f%n", f1);
        System.out.printf("peak heap          %d MB (max %d MB)%n", peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("whole run          %.2f s (JVM start to end), process CPU %.2f s%n",
                (System.currentTimeMillis() - jvmStart) / 1e3,
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
    }

    /** Pairwise figures of one run against the truth the generator kept. */
    public record Figures(double precision, double recall, double f1, int possibleDuplicates, int records) {

        public double possibleDuplicateShare() {
            return (double) possibleDuplicates / records;
        }
    }

    /** Generates {@code total} records of {@code people} people with {@code seed} and cross-references them. */
    public static Figures run(int people, int total, long seed, double accept, double review) {
        SyntheticSources gen = new SyntheticSources(seed);
        List<SyntheticSources.Record> records = gen.records(gen.people(people), total);
        List<MatchRecord> incoming = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SyntheticSources.Record r = records.get(i);
            incoming.add(new MatchRecord(i, 0, r.family(), r.given(), r.patronymic(), r.birth(), r.serviceNumber()));
        }
        RecordMatcher.Result result = new RecordMatcher(new NameNormalizer(), accept, review).match(List.of(), incoming);
        Map<Long, Map<Integer, Integer>> clusterTruth = new HashMap<>();
        Map<Integer, Integer> truthSizes = new HashMap<>();
        for (RecordMatcher.Assignment a : result.assignments()) {
            int truth = records.get((int) a.recordKey()).truthId();
            clusterTruth.computeIfAbsent(a.group(), k -> new HashMap<>()).merge(truth, 1, Integer::sum);
            truthSizes.merge(truth, 1, Integer::sum);
        }
        long predicted = 0;
        long truePositives = 0;
        for (Map<Integer, Integer> byTruth : clusterTruth.values()) {
            predicted += pairs(byTruth.values().stream().mapToInt(Integer::intValue).sum());
            for (int c : byTruth.values()) {
                truePositives += pairs(c);
            }
        }
        long actual = truthSizes.values().stream().mapToLong(MatchingBenchmark::pairs).sum();
        double precision = predicted == 0 ? 1 : (double) truePositives / predicted;
        double recall = actual == 0 ? 1 : (double) truePositives / actual;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Figures(precision, recall, f1, result.possibleDuplicates().size(), records.size());
    }

    /**
     * Why precision drops: every wrongly merged record pair by the relation of its two people (a hard negative the
     * generator made on purpose, or a chance namesake) and by what the two records leave to tell them apart.
     */
    static void falseMergesByKind(List<SyntheticSources.Person> population, List<SyntheticSources.Record> records,
                                  RecordMatcher.Result result, RecordMatcher scorer, List<MatchRecord> incoming) {
        Map<Integer, SyntheticSources.Person> byId = new HashMap<>();
        for (SyntheticSources.Person p : population) {
            byId.put(p.id(), p);
        }
        Map<Long, List<Integer>> members = new HashMap<>();
        for (RecordMatcher.Assignment a : result.assignments()) {
            members.computeIfAbsent(a.group(), k -> new ArrayList<>()).add((int) a.recordKey());
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        Map<String, List<String>> samples = new HashMap<>();
        NameNormalizer names = new NameNormalizer();
        for (List<Integer> m : members.values()) {
            for (int i = 0; i < m.size(); i++) {
                for (int j = i + 1; j < m.size(); j++) {
                    SyntheticSources.Record a = records.get(m.get(i));
                    SyntheticSources.Record b = records.get(m.get(j));
                    if (a.truthId() == b.truthId()) {
                        continue;
                    }
                    SyntheticSources.Person pa = byId.get(a.truthId());
                    SyntheticSources.Person pb = byId.get(b.truthId());
                    String kind = relation(pa, pb, names) + " / " + dates(a, b);
                    counts.merge(kind, 1L, Long::sum);
                    List<String> s = samples.computeIfAbsent(kind, k -> new ArrayList<>());
                    if (s.size() < 3) {
                        s.add(a + "\n      " + b + "\n      score " + scorer.score(incoming.get(m.get(i)), incoming.get(m.get(j))));
                    }
                }
            }
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("false merges (record pairs) " + all);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            System.out.printf("%6d  %s%n", e.getValue(), e.getKey());
            for (String s : samples.get(e.getKey())) {
                System.out.println("      " + s);
            }
        });
    }

    private static String relation(SyntheticSources.Person a, SyntheticSources.Person b, NameNormalizer names) {
        if (b.relativeOf() == a.id()) {
            return b.relation().name().toLowerCase();
        }
        if (a.relativeOf() == b.id()) {
            return a.relation().name().toLowerCase();
        }
        boolean family = a.familyMasculine().equals(b.familyMasculine());
        boolean given = a.given().equals(b.given());
        return family && given ? "chance namesake" : family ? "same family" : given ? "same given" : "unrelated";
    }

    private static String dates(SyntheticSources.Record a, SyntheticSources.Record b) {
        return precision(a) + "~" + precision(b);
    }

    private static String precision(SyntheticSources.Record r) {
        return !r.birth().isKnown() ? "none" : r.birth().month() == null ? "year" : r.birth().day() == null ? "month" : "day";
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
