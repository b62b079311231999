package org.powexchange.people.matching;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Brings a name in any script and spelling to one comparable Latin skeleton: Cyrillic is
 * transliterated with ICU's BGN/PCGN tables (Ukrainian when the name has Ukrainian letters, Russian
 * otherwise), diacritics are dropped after ICU's canonical decomposition, and a small rule set maps the usual
 * spelling conventions onto each other (Polish cz/sz/w, German sch/tsch, English x, y/j/i), so that
 * Ковальчук, Kovalchuk and Kowalczuk all become {@code kovalcuk}. Results are cached: names repeat.
 */
public final class NameNormalizer {

    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[ІіЇїЄєҐґ]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    /**
     * Longest patterns first: the first rule that matches at a position applies. Written in ICU's rule syntax
     * (MatchingPrimitivesTest holds {@link #fold} equal to ICU's transliterator built from them).
     */
    static final String SKELETON_RULES = String.join("\n",
            "ł > l ;", "[^a-z] > ;",
            "schtsch > s ;", "chtch > s ;", "shch > s ;", "szcz > s ;", "shh > s ;", "tsch > c ;", "sch > s ;",
            "tch > c ;", "tsh > c ;", "ch > c ;", "cz > c ;", "ts > c ;", "tz > c ;",
            "sh > s ;", "sz > s ;", "zh > z ;", "rz > z ;", "kh > g ;", "h > g ;",
            "x > ks ;", "w > v ;", "ph > f ;", "q > k ;",
            "y > i ;", "j > i ;");

    private final Transliterator ukrainian = Transliterator.getInstance("Ukrainian-Latin/BGN");
    private final Transliterator russian = Transliterator.getInstance("Russian-Latin/BGN");
    private final Normalizer2 nfd = Normalizer2.getNFDInstance();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The comparable skeleton of a name; "" for null or blank. */
    public String skeleton(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        String s = compute(name.strip());
        if (cache.size() < 200_000) {
            cache.put(name, s);
        }
        return s;
    }

    /** The Latin reading of a name as it would be printed (BGN/PCGN for Cyrillic), for labels and search. */
    public synchronized String latin(String name) {
        if (name == null) {
            return null;
        }
        String s = oneScript(name);
        if (CYRILLIC.matcher(s).find()) {
            s = (UKRAINIAN_LETTERS.matcher(s).find() ? ukrainian : russian).transliterate(s);
        }
        return isAscii(s) ? s : stripMarks(iso9(s));
    }

    /** Letters that look alike in Latin and Cyrillic, at the same index: typed registers mix them freely. */
    static final String LATIN_LOOKALIKES = "aeopcxyikmABEKMHOPCTXI";
    static final String CYRILLIC_LOOKALIKES = "аеорсхуікмАВЕКМНОРСТХІ";

    /**
     * A name typed with look-alike letters of the other script (Latin p, c, x, y, H, B in a Cyrillic name; Cyrillic
     * р, с, у, Н, В in a Latin one) would be read wrongly: Пeтpенко as "Petpenko", Реtrenko as "Retrenko". Each
     * word is written wholly in the script most of its letters are in; unchanged (the same instance) when unmixed.
     */
    static String oneScript(String s) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'z' && Character.isLetter(c)) {
                latin++;
            } else if (c >= '\u0400' && c <= '\u04FF') {
                cyrillic++;
            }
        }
        if (cyrillic == 0 || latin == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || !Character.isLetter(s.charAt(i))) {
                unmixWord(b, start, i);
                start = i + 1;
            }
        }
        return b.toString();
    }

    /** Cyrillic letters less Latin ones in {@code b[from, to)}; look-alikes counted only when {@code lookalikes}. */
    private static int cyrillicLead(CharSequence b, int from, int to, boolean lookalikes) {
        int lead = 0;
        for (int i = from; i < to; i++) {
            char c = b.charAt(i);
            if (lookalikes || LATIN_LOOKALIKES.indexOf(c) < 0 && CYRILLIC_LOOKALIKES.indexOf(c) < 0) {
                if (c < 128) {
                    lead--;
                } else if (c >= '\u0400' && c <= '\u04FF') {
                    lead++;
                }
            }
        }
        return lead;
    }

    private static void unmixWord(StringBuilder b, int from, int to) {
        // letters that exist in one script only decide; with only look-alikes (or a tie) all count, Cyrillic on a tie
        int lead = cyrillicLead(b, from, to, false);
        boolean cyrillic = (lead != 0 ? lead : cyrillicLead(b, from, to, true)) >= 0;
        String fromSet = cyrillic ? LATIN_LOOKALIKES : CYRILLIC_LOOKALIKES;
        String toSet = cyrillic ? CYRILLIC_LOOKALIKES : LATIN_LOOKALIKES;
        for (int i = from; i < to; i++) {
            int k = fromSet.indexOf(b.charAt(i));
            if (k >= 0) {
                b.setCharAt(i, toSet.charAt(k));
            }
        }
    }

    /** ISO 9 writes я, ю, є, щ as one marked letter; spelt out they compare with every other table. */
    private static String iso9(String s) {
        return s.replace("â", "ia").replace("Â", "Ia").replace("û", "iu").replace("Û", "Iu").replace("ê", "ie")
                .replace("Ê", "Ie").replace("ŝ", "shch").replace("Ŝ", "Shch");
    }

    /** Decomposes (ICU NFD) and drops combining marks and the BGN soft-sign prime: š > s, ï > i, ʹ > nothing. */
    private String stripMarks(String s) {
        String d = nfd.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.MODIFIER_LETTER && c != '\'' && c != '’') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * "ch" is ч in English-style tables, х in Polish and German ones and ш in French ones: a name that shows
     * a Polish (cz, sz, rz, ł), German (sch) or French (ou, tch) spelling elsewhere is read by that table
     * (and German z, which is ц, with it).
     */
    static String conventions(String s) {
        if (s.contains("cz") || s.contains("sz") || s.contains("rz") || s.indexOf('ł') >= 0) {
            return s.replace("szcz", "s").replace("cz", "c").replace("sz", "s").replace("ch", "h");
        }
        if (s.contains("sch")) { // German: z is ц (з is written s), so Zybulski is Cybulski
            return s.replace("schtsch", "s").replace("tsch", "c").replace("sch", "s").replace("ch", "h").replace('z', 'c');
        }
        if (s.contains("tch") || s.contains("ou")) {
            return s.replace("chtch", "s").replace("tch", "c").replace("ch", "s").replace("ou", "u").replace("dj", "z");
        }
        return s;
    }

    /** A family name's skeleton with the feminine endings folded onto the masculine (-ska, -skaia/-ski, -ova/-ov, -ina/-in). */
    public String familyKey(String name) {
        return softO(masculine(skeleton(name)));
    }

    private static String masculine(String sk) {
        int n = sk.length();
        if (n > 4) {
            if (sk.endsWith("ska") || sk.endsWith("cka") || sk.endsWith("zka")) {
                return sk.substring(0, n - 1) + "i";
            }
            if (sk.endsWith("ova") || sk.endsWith("eva") || sk.endsWith("ina") || sk.endsWith("ana")) {
                return sk.substring(0, n - 1);
            }
            if (sk.endsWith("skaia") || sk.endsWith("ckaia") || sk.endsWith("zkaia")) { // Russian -ская, -цкая
                return sk.substring(0, n - 3) + "i";
            }
            if (sk.endsWith("aia")) {
                return sk.substring(0, n - 2) + "i";
            }
        }
        return sk;
    }

    /**
     * The Ukrainian -ьов is the Russian -ёв, mostly written -ев: Ковальов, Ковалёв, Ковалев, Kovalyov and Kovaliov
     * are one family ("kovalov"). Applied to the masculine key, so -ьова/-ёва/-ева follow.
     */
    private static String softO(String sk) {
        int n = sk.length();
        if (n > 5 && sk.endsWith("iov")) {
            return sk.substring(0, n - 3) + "ov";
        }
        if (n > 4 && sk.endsWith("ev")) {
            return sk.substring(0, n - 2) + "ov";
        }
        return sk;
    }

    /**
     * The parts of a double surname (Коваленко-Шевчук, Kovalenko Shevchuk) as family keys; an empty array for a
     * single one. Parts shorter than three letters (a stray space inside a name) do not count.
     */
    public String[] familyParts(String name) {
        if (name == null) {
            return NO_PARTS;
        }
        String s = name.strip();
        int sep = 0;
        while (sep < s.length() && !isSeparator(s.charAt(sep))) {
            sep++;
        }
        if (sep == s.length()) {
            return NO_PARTS; // the common case: one word
        }
        int from = -1;
        java.util.List<String> parts = null;
        for (int i = 0; i <= s.length(); i++) {
            boolean letter = i < s.length() && !isSeparator(s.charAt(i));
            if (letter && from < 0) {
                from = i;
            } else if (!letter && from >= 0) {
                String key = familyKey(s.substring(from, i));
                if (key.length() >= 3) {
                    if (parts == null) {
                        parts = new java.util.ArrayList<>(2);
                    }
                    parts.add(key);
                } else if (!key.isEmpty()) {
                    return NO_PARTS; // a fragment: not a double surname
                }
                from = -1;
            }
        }
        return parts == null || parts.size() < 2 ? NO_PARTS : parts.toArray(new String[0]);
    }

    private static final String[] NO_PARTS = new String[0];

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                || c == '\u2014' || c == '\u2212' || c == '/' || c == '(' || c == ')';
    }

    /**
     * A given-name field that also holds the patronymic ("Іван Петрович", "Ivan P."): the given name and the
     * patronymic, or null when the last word does not read as a patronymic (Анна Марія, a stray space).
     */
    public String[] splitPatronymic(String given) {
        if (given == null) {
            return null;
        }
        String s = given.strip();
        int cut = s.length() - 1;
        while (cut > 0 && !Character.isWhitespace(s.charAt(cut))) {
            cut--;
        }
        if (cut <= 0) {
            return null;
        }
        String first = s.substring(0, cut).strip();
        String last = s.substring(cut + 1);
        if (first.isEmpty()) {
            return null;
        }
        String sk = skeleton(last);
        boolean patronymic = isInitial(last) || givenNames().patronymicGroups(sk).length > 0
                || sk.length() > 6 && (sk.endsWith("ovic") || sk.endsWith("evic") || sk.endsWith("ivna")
                || sk.endsWith("ovna") || sk.endsWith("evna"));
        return patronymic ? new String[] {first, last} : null;
    }

    /**
     * Whether two skeletons differ only in the sibilants s, z and c (ш, ж, ч, с, з, ц), which German and French
     * spellings leave ambiguous ("surcuk" for Schurtschuk, "dorocin" for Dorochin). No allocation.
     */
    public static boolean sameButSibilants(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && !(isSibilant(x) && isSibilant(y))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSibilant(char c) {
        return c == 's' || c == 'z' || c == 'c';
    }

    /** A skeleton's first letters with the sibilants folded onto s, for blocking keys that must not split on them. */
    public static String sibilantPrefix(String sk, int n) {
        String p = sk.length() <= n ? sk : sk.substring(0, n);
        return p.replace('z', 's').replace('c', 's');
    }

    /** True for a name given as an initial only ("I.", "І", "O. "). */
    public static boolean isInitial(String name) {
        if (name == null) {
            return false;
        }
        String s = name.strip();
        return !s.isEmpty() && (s.length() == 1 || (s.length() == 2 && s.charAt(1) == '.'))
                && Character.isLetter(s.charAt(0));
    }

    private volatile GivenNames given;

    /** The known given names (Ukrainian, Russian and diminutive forms of one name form one group). */
    public GivenNames givenNames() {
        GivenNames g = given;
        if (g == null) {
            synchronized (this) {
                if (given == null) {
                    given = GivenNames.load(this);
                }
                g = given;
            }
        }
        return g;
    }

    /** {@link #SKELETON_RULES} as ICU applies them, written out: the names of 100,000 records pass through here. */
    private static final String[][] FOLDS = parseRules();

    private static String[][] parseRules() {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (String rule : SKELETON_RULES.split("\n")) {
            String r = rule.strip();
            if (r.startsWith("ł") || r.startsWith("[")) {
                continue; // handled in fold() itself
            }
            String[] parts = r.substring(0, r.length() - 1).split(">");
            out.add(new String[] {parts[0].strip(), parts[1].strip()});
        }
        return out.toArray(new String[0][]);
    }

    /**
     * One pass from the left: at each position the first rule whose pattern starts there is applied and the
     * pass continues after it (its output is not read again), as ICU's rule-based transliterator does.
     */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        int i = 0;
        int n = s.length();
        next:
        while (i < n) {
            char c = s.charAt(i);
            if (c == 'ł') {
                b.append('l');
                i++;
                continue;
            }
            if (c < 'a' || c > 'z') {
                i++;
                continue;
            }
            for (String[] rule : FOLDS) {
                String pattern = rule[0];
                if (pattern.charAt(0) == c && s.startsWith(pattern, i)) {
                    b.append(rule[1]);
                    i += pattern.length();
                    continue next;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private synchronized String compute(String name) {
        String latin = conventions(latin(name).toLowerCase(java.util.Locale.ROOT));
        String sk = fold(latin);
        StringBuilder out = new StringBuilder(sk.length());
        char prev = 0;
        for (int i = 0; i < sk.length(); i++) {
            char c = sk.charAt(i);
            if (c >= 'a' && c <= 'z' && c != prev) {
                out.append(c);
            }
            prev = c;
        }
        // Ukrainian/Russian endings written -iy, -ii, -yi, -ij all end in a single i after folding;
        // an initial Е/Є is written E, Ye, Je or Ie: Elena, Yelena and Jelena are one name
        if (out.length() > 3 && out.charAt(0) == 'i' && out.charAt(1) == 'e') {
            out.deleteCharAt(0);
        }
        return out.toString();
    }
}
