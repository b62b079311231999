package org.powexchange.people.matching;

import java.util.Arrays;

/**
 * Jaro–Winkler similarity and Levenshtein distance of name skeletons, as Apache Commons Text computes them
 * (the unit test holds the two equal), without the allocations per call: the matcher compares millions of
 * pairs of short names. Not thread-safe: one instance per matcher.
 */
final class Similarity {

    private int[] matchIndexes = new int[32];
    private boolean[] matchFlags = new boolean[32];
    private char[] ms1 = new char[32];
    private char[] ms2 = new char[32];
    private int[] previous = new int[33];
    private int[] current = new int[33];

    /** Jaro–Winkler with the usual scaling factor 0.1, a prefix of at most four letters and no boost threshold. */
    double jaroWinkler(String first, String second) {
        if (first.equals(second)) {
            return 1d;
        }
        String max;
        String min;
        if (first.length() > second.length()) {
            max = first;
            min = second;
        } else {
            max = second;
            min = first;
        }
        int minLength = min.length();
        int maxLength = max.length();
        ensure(maxLength);
        int range = Math.max(maxLength / 2 - 1, 0);
        int[] indexes = matchIndexes;
        boolean[] flags = matchFlags;
        Arrays.fill(indexes, 0, minLength, -1);
        Arrays.fill(flags, 0, maxLength, false);
        int matches = 0;
        for (int mi = 0; mi < minLength; mi++) {
            char c1 = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, maxLength); xi < xn; xi++) {
                if (!flags[xi] && c1 == max.charAt(xi)) {
                    indexes[mi] = xi;
                    flags[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0d;
        }
        for (int i = 0, si = 0; i < minLength; i++) {
            if (indexes[i] != -1) {
                ms1[si++] = min.charAt(i);
            }
        }
        for (int i = 0, si = 0; i < maxLength; i++) {
            if (flags[i]) {
                ms2[si++] = max.charAt(i);
            }
        }
        int halfTranspositions = 0;
        for (int mi = 0; mi < matches; mi++) {
            if (ms1[mi] != ms2[mi]) {
                halfTranspositions++;
            }
        }
        int prefix = 0;
        for (int mi = 0, n = Math.min(4, minLength); mi < n; mi++) {
            if (first.charAt(mi) == second.charAt(mi)) {
                prefix++;
            } else {
                break;
            }
        }
        double m = matches;
        double j = (m / first.length() + m / second.length() + (m - (double) halfTranspositions / 2) / m) / 3;
        return j < 0.7d ? j : j + 0.1 * prefix * (1d - j);
    }

    /** The number of single-letter insertions, deletions and substitutions that turn one into the other. */
    int levenshtein(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (n == 0) {
            return m;
        }
        if (m == 0) {
            return n;
        }
        if (m + 1 > previous.length) {
            previous = new int[m + 1];
            current = new int[m + 1];
        }
        int[] p = previous;
        int[] d = current;
        for (int j = 0; j <= m; j++) {
            p[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            char ca = a.charAt(i - 1);
            d[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                d[j] = Math.min(Math.min(d[j - 1] + 1, p[j] + 1), p[j - 1] + cost);
            }
            int[] t = p;
            p = d;
            d = t;
        }
        return p[m];
    }

    private void ensure(int length) {
        if (length > matchFlags.length) {
            int n = Math.max(length, 2 * matchFlags.length);
            matchIndexes = new int[n];
            matchFlags = new boolean[n];
            ms1 = new char[n];
            ms2 = new char[n];
        }
    }

    /**
     * Remembers a similarity of two interned names (ids a, b) so that the pairs met again and again inside a block
     * (one surname's spellings against another's) are computed once: open addressing over long keys, bounded.
     */
    static final class Memo {

        /** At most this many pairs (32 MB of table); the rest are computed each time. */
        private static final int MAX = 1 << 20;
        private long[] keys = new long[1 << 14];
        private double[] values = new double[1 << 14];
        private int size;

        /** The remembered value, or NaN. */
        double get(int a, int b) {
            long k = key(a, b);
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
                long x = keys[i];
                if (x == k) {
                    return values[i];
                }
                if (x == 0) {
                    return Double.NaN;
                }
            }
        }

        void put(int a, int b, double value) {
            if (size >= MAX) {
                return; // full: compute the rest each time
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key(a, b), value);
        }

        private void insert(long k, double value) {
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    keys[i] = k;
                    values[i] = value;
                    size++;
                    return;
                }
                if (keys[i] == k) {
                    values[i] = value;
                    return;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new double[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }

        /** Ids start at 1, so no key is 0 (the empty slot). */
        private static long key(int a, int b) {
            return ((long) a << 32) | (b & 0xffffffffL);
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }
}
