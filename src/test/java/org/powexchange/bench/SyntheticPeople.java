package org.powexchange.bench;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented people for the exchange benchmark: fictional combinations of the shared {@link NameTables},
 * each name and birth date distinct, with their BGN Latin spellings and Russian given-name forms.
 */
final class SyntheticPeople {

    record Person(int id, String family, String givenUk, String givenRu, String familyLatin, String givenLatin,
                  LocalDate birth, String serviceNumber, boolean military) {

        String russianFamily() {
            return family.replace("і", "и").replace("ї", "и").replace("є", "е");
        }
    }

    /** The shared invented-name tables (one set for every generator): men's and women's given names. */
    private static final List<NameTables.Given> GIVEN = new ArrayList<>(NameTables.MALE);
    private static final int MEN = NameTables.MALE.size();

    static {
        GIVEN.addAll(NameTables.FEMALE);
    }

    private final Random random;
    private final Transliterator latin = Transliterator.getInstance("Ukrainian-Latin/BGN");
    private final Set<String> used = new HashSet<>();
    private int next = 1;

    SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    /** BGN writes the soft sign as a modifier letter and separates some digraphs with a dot; sources do not. */
    static String ascii(String s) {
        return s.replace("\u00B7", "").replaceAll("[\u2019\u02B9\u02BC]", "'");
    }

    List<Person> people(int count) {
        List<Person> out = new ArrayList<>(count);
        while (out.size() < count) {
            int gi = random.nextInt(GIVEN.size());
            NameTables.Given given = GIVEN.get(gi);
            String[] g = {given.uk(), given.ru()};
            String[] suffix = NameTables.SUFFIXES.get(random.nextInt(NameTables.SUFFIXES.size())).split("/");
            String family = NameTables.ROOTS.get(random.nextInt(NameTables.ROOTS.size()))
                    + (gi < MEN ? suffix[0] : suffix[suffix.length - 1]);
            if (!used.add(family + " " + g[0])) {
                continue; // every person a distinct name: the duplicates are the ones the sources make
            }
            LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(38 * 365));
            boolean military = random.nextDouble() < 0.85;
            int id = next++;
            String service = military ? String.format("UA%07d", 2_000_000 + id) : null;
            out.add(new Person(id, family, g[0], g[1], ascii(latin.transliterate(family)), ascii(latin.transliterate(g[0])), birth,
                    service, military));
        }
        return out;
    }
}
