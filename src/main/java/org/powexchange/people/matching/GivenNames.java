package org.powexchange.people.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The forms of common Ukrainian and Russian given names (resource {@code matching/given-names.txt}):
 * Mykola, Nikolai and Kolia are one name; a patronymic is read back to its father's name
 * (Mykolaiovych and Nikolaevich are both "son of Mykola"). Lookups are by name skeleton.
 */
public final class GivenNames {

    private static final int[] NONE = new int[0];
    /** Patronymic endings as skeletons, longest first: -ovych/-ovich, -evich, -ivna/-ovna/-evna, -ich. */
    private static final String[] PATRONYMIC_ENDINGS = {"iovic", "ievic", "ovic", "evic", "ivna", "ovna", "evna",
        "icna", "ic", "ivn", "ovn"};

    private final Map<String, int[]> bySkeleton = new HashMap<>();
    private final Map<String, int[]> byStem = new HashMap<>();
    /** Per group, the letters its forms begin with as bits (a skeleton is written in a to z): asked per comparison. */
    private long[] initials = new long[0];
    private final List<String> forms = new ArrayList<>();
    private final List<Integer> formGroup = new ArrayList<>();
    private final Map<String, int[]> fuzzy = new ConcurrentHashMap<>();
    private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

    static GivenNames load(NameNormalizer names) {
        GivenNames g = new GivenNames();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                GivenNames.class.getResourceAsStream("/matching/given-names.txt"), StandardCharsets.UTF_8))) {
            String line;
            int group = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                long first = 0;
                for (int i = 1; i < parts.length; i++) {
                    String sk = names.skeleton(parts[i]);
                    if (sk.isEmpty()) {
                        continue;
                    }
                    g.bySkeleton.merge(sk, new int[] {group}, GivenNames::union);
                    g.byStem.merge(stem(sk), new int[] {group}, GivenNames::union);
                    g.forms.add(sk);
                    g.formGroup.add(group);
                    first |= letterBit(sk.charAt(0));
                }
                g.initials = java.util.Arrays.copyOf(g.initials, group + 1);
                g.initials[group] = first;
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** The groups a given name's skeleton belongs to: exactly, by stem, or by a close spelling (Jaro–Winkler ≥ 0.93). */
    public int[] groups(String skeleton) {
        if (skeleton.length() < 2) {
            return NONE;
        }
        int[] exact = bySkeleton.get(skeleton);
        if (exact != null) {
            return exact;
        }
        return fuzzy.computeIfAbsent(skeleton, sk -> {
            int[] byStemHit = byStem.get(stem(sk));
            if (byStemHit != null && sk.length() >= 4) {
                // a typo can end like another name's form (Oleh typed Olhe has Olga's stem): a close spelling
                // of a known form counts as well, so the typo fits both names rather than only the wrong one
                int[] close = closest(sk);
                return close.length == 0 || overlap(close, byStemHit) ? byStemHit : union(byStemHit, close);
            }
            return closest(sk);
        });
    }

    /** The group of the known form closest to a skeleton (same first letter, Jaro–Winkler above 0.93), if any. */
    private int[] closest(String sk) {
        {
            double best = 0.93;
            int[] out = NONE;
            for (int i = 0; i < forms.size(); i++) {
                String f = forms.get(i);
                if (f.charAt(0) != sk.charAt(0) || Math.abs(f.length() - sk.length()) > 2) {
                    continue;
                }
                double s = jw.apply(f, sk);
                if (s > best) {
                    best = s;
                    out = new int[] {formGroup.get(i)};
                }
            }
            return out;
        }
    }

    /** The father's-name groups a patronymic's skeleton points to (none when it is not recognisable). */
    public int[] patronymicGroups(String skeleton) {
        for (String end : PATRONYMIC_ENDINGS) {
            if (skeleton.endsWith(end) && skeleton.length() > end.length() + 2) {
                int[] g = byStem.get(stem(skeleton.substring(0, skeleton.length() - end.length())));
                if (g != null) {
                    return g;
                }
            }
        }
        return NONE;
    }

    /** A patronymic's skeleton without its ending: "mironovic" gives "miron"; unchanged when no ending fits. */
    public static String patronymicStem(String skeleton) {
        for (String end : PATRONYMIC_ENDINGS) {
            if (skeleton.endsWith(end) && skeleton.length() > end.length() + 2) {
                return skeleton.substring(0, skeleton.length() - end.length());
            }
        }
        return skeleton;
    }

    /** Whether an initial (a skeleton's first letter) can stand for a name of one of these groups. */
    public boolean initialFits(char initial, int[] groups) {
        long bit = letterBit(initial);
        for (int g : groups) {
            if ((initials[g] & bit) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The bit of a letter a to z; none for any other character (it begins no form). */
    private static long letterBit(char c) {
        return c >= 'a' && c <= 'z' ? 1L << (c - 'a') : 0;
    }

    public static boolean overlap(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A skeleton without its trailing vowels: Mykola, Mykolai-, Nikolai, Nikola- all give "mikol"/"nikol". */
    static String stem(String sk) {
        int n = sk.length();
        while (n > 2 && "aeiou".indexOf(sk.charAt(n - 1)) >= 0) {
            n--;
        }
        return sk.substring(0, n);
    }

    private static int[] union(int[] a, int[] b) {
        Set<Integer> s = new java.util.TreeSet<>();
        for (int x : a) {
            s.add(x);
        }
        for (int x : b) {
            s.add(x);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
