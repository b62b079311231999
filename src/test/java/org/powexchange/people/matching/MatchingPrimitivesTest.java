package org.powexchange.people.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/**
 * The matcher's hand-written primitives give exactly what the libraries they replace give: the skeleton fold
 * what ICU's transliterator makes of {@code NameNormalizer.SKELETON_RULES}, Jaro–Winkler and Levenshtein what
 * Apache Commons Text computes. Random strings over the letters the rules look at, and a table of real spellings.
 */
@UnitTest
class MatchingPrimitivesTest {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzł -'`.";

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({"schewtschenko, sevcenko", "szczerbak, serbak", "shcherbak, serbak", "kowalczuk, kovalcuk",
        "khomenko, gomenko", "chtchour, sour", "tsybulko, cibulko", "zhuk, zuk", "rzepka, zepka", "maksym, maksim",
        "yurii, iurii", "xenia, ksenia", "łysenko, lisenko", "philip, filip", "quba, kuba", "o'neil, oneil"})
    void foldAsTheRulesSay(String latin, String folded) {
        assertEquals(folded, NameNormalizer.fold(latin));
    }

    @ParameterizedTest(name = "{0} is written in one script: {1}")
    @CsvSource({"Пeтpенко, Петренко", "Реtrenko, Petrenko", "KOBAЛЬЧУК, КОВАЛЬЧУК", "Ткачyк, Ткачук",
        "Олiйник, Олійник", "Hnatiuk, Hnatiuk", "Коваленко, Коваленко", "Пeтpенко-Ivanоv, Петренко-Ivanov",
        "Sуdоrеnkо Іvаn, Sydorenko Ivan"})
    void lookAlikesFollowTheWordsScript(String typed, String written) {
        assertEquals(written, NameNormalizer.oneScript(typed));
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({"surcuk, zurcuk, true", "dorocin, dorosin, true", "sevcuk, sevsuk, true", "zurcuk, zurcuk, false",
        "zurcuk, iurcuk, false", "dorosin, dorosina, false", "kovalcuk, kovalsuk, true", "kovalcuk, kovalcik, false"})
    void sibilantsOnly(String a, String b, boolean expected) {
        assertEquals(expected, NameNormalizer.sameButSibilants(a, b));
    }

    @Test
    void anUnmixedNameIsNotCopied() {
        String s = "Коваленко";
        org.junit.jupiter.api.Assertions.assertSame(s, NameNormalizer.oneScript(s));
    }

    @Test
    void foldEqualsIcuOnRandomStrings() {
        Transliterator icu = Transliterator.createFromRules("skeleton", NameNormalizer.SKELETON_RULES,
                Transliterator.FORWARD);
        Random rnd = new Random(20261201L);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = rnd.nextInt(14); k > 0; k--) {
                b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
            }
            String s = b.toString();
            assertEquals(icu.transliterate(s), NameNormalizer.fold(s), s);
        }
    }

    @Test
    void similaritiesEqualCommonsText() {
        Similarity own = new Similarity();
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        Random rnd = new Random(7L);
        for (int i = 0; i < 50_000; i++) {
            String a = word(rnd);
            String b = rnd.nextInt(3) == 0 ? mutate(a, rnd) : word(rnd);
            if (a.isEmpty() || b.isEmpty()) {
                continue; // the matcher never compares an empty name
            }
            assertEquals(jw.apply(a, b), own.jaroWinkler(a, b), 0.0, a + " / " + b);
            assertEquals(lev.apply(a, b), own.levenshtein(a, b), a + " / " + b);
        }
        assertEquals(jw.apply("kovalcuk", "kovalciuk"), own.jaroWinkler("kovalcuk", "kovalciuk"), 0.0);
    }

    @Test
    void theMemoRemembersAndGrows() {
        Similarity.Memo memo = new Similarity.Memo();
        for (int a = 1; a <= 3000; a++) {
            memo.put(a, a + 1, a / 10_000.0);
        }
        for (int a = 1; a <= 3000; a++) {
            assertEquals(a / 10_000.0, memo.get(a, a + 1), 0.0);
        }
        assertEquals(Double.NaN, memo.get(2, 1));
    }

    private static String word(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int k = rnd.nextInt(14); k > 0; k--) {
            b.append((char) ('a' + rnd.nextInt(7)));
        }
        return b.toString();
    }

    private static String mutate(String s, Random rnd) {
        if (s.isEmpty()) {
            return "a";
        }
        StringBuilder b = new StringBuilder(s);
        b.setCharAt(rnd.nextInt(s.length()), (char) ('a' + rnd.nextInt(7)));
        if (rnd.nextBoolean()) {
            b.insert(rnd.nextInt(b.length()), 'c');
        }
        return b.toString();
    }
}
