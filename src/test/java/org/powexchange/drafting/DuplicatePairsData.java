package org.powexchange.drafting;

import java.util.List;
import java.util.Map;
import org.powexchange.ExchangeDriver;

/**
 * An exchange in drafting whose sources leave at least {@code n} possible duplicates for the drafter: each
 * invented person appears in the military records with a full birth date and in a family appeal with
 * another day and month of the same year (a score between the thresholds). Names are fictional.
 */
public final class DuplicatePairsData {

    private static final String[] SYLLABLES = {"ba", "ko", "de", "mu", "ri", "sa", "tu", "ne", "lo", "vy", "zo", "pe",
        "hi", "ga", "fu", "ky", "ra", "mo", "di", "le"};
    private static final String[] GIVEN = {"Ivan", "Taras", "Oleh", "Roman", "Petro", "Bohdan", "Ihor", "Maksym", "Nazar",
        "Ostap"};

    private DuplicatePairsData() {
    }

    /** Creates the exchange, imports both sources (the second completes the submission) and runs cross-referencing. */
    public static String exchangeWithPairs(ExchangeDriver d, String ref, int n) {
        String ex = d.createExchange(ref, 2, List.of(2));
        StringBuilder mil = new StringBuilder("record_id,service_number,family_name,given_name,birth_date\n");
        StringBuilder fam = new StringBuilder("record_id,family_name,given_name,birth_date,relative_contact\n");
        for (int i = 0; i < n; i++) {
            String family = name(i);
            String given = GIVEN[i % GIVEN.length];
            // a birth date of its own per person; the appeal gives another month and day of the same year
            String year = String.valueOf(1950 + i % 50);
            String mil1 = String.format("%s-%02d-%02d", year, 1 + i % 12, 1 + (i / 12) % 28);
            String fam1 = String.format("%s-%02d-%02d", year, 1 + (i + 6) % 12, 1 + (i / 12 + 14) % 28);
            mil.append("M-").append(i).append(",,").append(family).append(',').append(given).append(',')
                    .append(mil1).append('\n');
            fam.append("F-").append(i).append(',').append(family).append(',').append(given).append(',')
                    .append(fam1).append(",+380 44 000 ").append(String.format("%04d", i)).append('\n');
        }
        SourceHttp src = new SourceHttp(d);
        Map<?, ?> m = src.post("coordination-staff", ex, "military-records", "text/csv", mil.toString(), false).getBody();
        Map<?, ?> f = src.post("coordination-staff", ex, "family-appeals", "text/csv", fam.toString(), true).getBody();
        if (((Number) m.get("rejected")).intValue() + ((Number) f.get("rejected")).intValue() != 0) {
            throw new IllegalStateException("rows rejected: " + m + " / " + f);
        }
        d.settle(ex);
        return ex;
    }

    /** A fictional family name, distinct for each i: three syllables and a Ukrainian ending. */
    static String name(int i) {
        String s = SYLLABLES[i % 20] + SYLLABLES[(i / 20) % 20] + SYLLABLES[(i / 400 + i) % 20] + "enko";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
