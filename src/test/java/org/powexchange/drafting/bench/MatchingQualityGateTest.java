package org.powexchange.drafting.bench;

import org.powexchange.UnitTest;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Matching quality is a gate: 30,000 records of 12,000 invented people from a seed kept apart from the
 * seeds the matcher was tuned on (1, 2, 3) must cross-reference at pairwise F1 ≥ 0.97 with precision ≥ 0.98,
 * leaving at most 3 % of records as possible-duplicate pairs for the drafter. Plain JUnit, no Spring.
 * The records come from the widened generator (look-alike letters, keyboard typos, double surnames, service
 * numbers without series, ...: see SyntheticSources); branch match-robust measured precision 0.9940, F1 0.9786,
 * 1.47 % pairs here (the classic generator: 0.9911, 0.9804). A second held-out seed, 914207, is for benchmark
 * runs only (docs/benchmarks.md): neither is to be tuned on.
 */
@UnitTest
class MatchingQualityGateTest {

    /** Never used for tuning: changing it to make the gate pass defeats the gate. */
    static final long HELD_OUT_SEED = 777001L;

    @Test
    void heldOutSeedMeetsTheTargets() {
        MatchingBenchmark.Figures f = MatchingBenchmark.run(12_000, 30_000, HELD_OUT_SEED, 0.875, 0.75);
        String figures = String.format("precision %.4f, recall %.4f, F1 %.4f, possible duplicates %d (%.2f %%)",
                f.precision(), f.recall(), f.f1(), f.possibleDuplicates(), 100 * f.possibleDuplicateShare());
        assertTrue(f.precision() >= 0.98, figures);
        assertTrue(f.f1() >= 0.97, figures);
        assertTrue(f.possibleDuplicateShare() <= 0.03, figures);
    }
}
