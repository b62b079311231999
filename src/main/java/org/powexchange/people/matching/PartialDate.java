package org.powexchange.people.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A date of which a part may be unknown (a family may know only the year of birth). Day and month
 * of two dates may be swapped in one source; {@link #similarity} tolerates that.
 */
public record PartialDate(Integer year, Integer month, Integer day) {

    public static final PartialDate UNKNOWN = new PartialDate(null, null, null);

    public PartialDate {
        if (month != null && (month < 1 || month > 12)) {
            throw new DateTimeException("month " + month + " is not 1-12");
        }
        if (year != null && month != null && day != null) {
            LocalDate.of(year, month, day); // throws on 31 February and the like
        } else if (day != null && (day < 1 || day > 31)) {
            throw new DateTimeException("day " + day + " is not 1-31");
        }
        if (year == null && (month != null || day != null)) {
            throw new DateTimeException("a date without its year");
        }
    }

    public static PartialDate of(LocalDate d) {
        return d == null ? UNKNOWN : new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /**
     * Parses the forms clerks write: 1987-05-14, 1987-05, 1987, 14.05.1987, 14/05/1987, 14-05-1987 (day first,
     * as written in the sources), 1987.05.14, 1987/05/14, 05.1987, and an ISO date-time (its date is taken);
     * null or blank gives {@link #UNKNOWN}; anything else throws {@link DateTimeException}.
     */
    public static PartialDate parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String s = text.strip();
        try {
            PartialDate iso = iso(s);
            if (iso != null) {
                return iso;
            }
            if (ISO_DATE_TIME.matcher(s).matches()) {
                return of(LocalDate.parse(s.substring(0, 10)));
            }
            if (YEAR_FIRST.matcher(s).matches()) {
                String[] p = SEPARATORS.split(s);
                return of(LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
            }
            if (DAY_FIRST.matcher(s).matches()) {
                String[] p = SEPARATORS.split(s);
                return of(LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])));
            }
            if (MONTH_AND_YEAR.matcher(s).matches()) {
                String[] p = SEPARATORS.split(s);
                return new PartialDate(Integer.parseInt(p[1]), Integer.parseInt(p[0]), null);
            }
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + s + "' is not a real date");
        }
        String numeric = numeric(s);
        if (numeric != null) {
            try {
                return parse(numeric);
            } catch (DateTimeException e) {
                throw new DateTimeException("'" + s + "' is not a real date");
            }
        }
        throw new DateTimeException("'" + s + "' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY)");
    }

    private static final Pattern ISO_DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?");
    private static final Pattern YEAR_FIRST =
            Pattern.compile("\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");
    private static final Pattern DAY_FIRST =
            Pattern.compile("\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}");
    private static final Pattern MONTH_AND_YEAR = Pattern.compile("\\d{1,2}[./]\\d{4}");
    private static final Pattern SEPARATORS = Pattern.compile("[./-]");

    /**
     * YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits), as the database stores dates, read without a regular expression:
     * cross-referencing reads 100,000 of them at once. Null for any other form.
     */
    private static PartialDate iso(String s) {
        int n = s.length();
        if (n != 4 && n != 7 && n != 10 || !digits(s, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        if (n == 4) {
            return new PartialDate(year, null, null);
        }
        if (s.charAt(4) != '-' || !digits(s, 5, 7)) {
            return null;
        }
        int month = Integer.parseInt(s, 5, 7, 10);
        if (n == 7) {
            return new PartialDate(year, month, null);
        }
        if (s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        return of(LocalDate.of(year, month, Integer.parseInt(s, 8, 10, 10)));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean isKnown() {
        return year != null;
    }

    public boolean isComplete() {
        return year != null && month != null && day != null;
    }

    public LocalDate toLocalDate() {
        return isComplete() ? LocalDate.of(year, month, day) : null;
    }

    /** The earliest day this date can be, for age and captivity (1 January of a bare year). */
    public LocalDate earliest() {
        return year == null ? null : LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** Month and day in ascending order, so a swapped pair gives the same key. */
    public String unorderedMonthDay() {
        if (month == null || day == null) {
            return "";
        }
        return Math.min(month, day) + "/" + Math.max(month, day);
    }

    /**
     * 1 for the same date; 0.9 for day and month swapped; 0.8 for a day off by one, 0.75 for a month off by
     * one, 0.7 for a year off by one (all typical slips of a clerk); 0.75-0.8 where one is a less precise form
     * of the other; 0.5 if either is unknown; lower for conflicts, 0 for other years. A day or a month off by
     * one is counted on the calendar: 31 August and 1 September, 28 December 2004 and 28 January 2005.
     */
    public double similarity(PartialDate o) {
        return similarity(part(year), part(month), part(day), part(o.year), part(o.month), part(o.day));
    }

    private static int part(Integer p) {
        return p == null ? 0 : p;
    }

    /**
     * {@link #similarity(PartialDate)} on the parts of two dates, 0 for a part not known: the matcher compares
     * millions of date pairs and keeps the parts as plain numbers.
     */
    public static double similarity(int y1, int m1, int d1, int y2, int m2, int d2) {
        if (y1 == 0 || y2 == 0) {
            return 0.5;
        }
        boolean complete = m1 != 0 && d1 != 0 && m2 != 0 && d2 != 0;
        if (y1 != y2) {
            boolean sameMd = complete && m1 == m2 && d1 == d2;
            if (sameMd && Math.abs(y1 - y2) == 1) {
                return 0.7;
            }
            if (complete && Math.abs(y1 - y2) == 1 && m1 + m2 == 13 && Math.abs(m1 - m2) == 11) {
                double slip = calendarSlip(y1, m1, d1, y2, m2, d2); // over New Year (December and January)
                if (slip > 0) {
                    return slip;
                }
            }
            return sameMd && transposedDigits(y1, y2) ? 0.6 : 0.0;
        }
        if (complete) {
            if (m1 == m2 && d1 == d2) {
                return 1.0;
            }
            if (m1 == d2 && d1 == m2) {
                return 0.9;
            }
            if (m1 == m2) {
                return Math.abs(d1 - d2) == 1 ? 0.8 : 0.45;
            }
            if (d1 == d2) {
                return Math.abs(m1 - m2) == 1 ? 0.75 : 0.45;
            }
            // a day off over the turn of a month: one of them the 1st, the months neighbours
            double slip = Math.abs(m1 - m2) == 1 && (d1 == 1 || d2 == 1) ? calendarSlip(y1, m1, d1, y2, m2, d2) : 0;
            return slip > 0 ? slip : 0.2;
        }
        if (m1 == 0 || m2 == 0) {
            return 0.75;
        }
        return m1 == m2 ? 0.8 : 0.3;
    }

    /**
     * For two complete dates in neighbouring months (December and January of neighbouring years included):
     * 0.8 for the next or previous day, 0.75 for the same day of the next or previous month; 0 otherwise.
     */
    private static double calendarSlip(int y1, int m1, int d1, int y2, int m2, int d2) {
        boolean firstIsEarlier = y1 < y2 || y1 == y2 && (m1 < m2 || m1 == m2 && d1 < d2);
        int fy = firstIsEarlier ? y1 : y2;
        int fm = firstIsEarlier ? m1 : m2;
        int fd = firstIsEarlier ? d1 : d2;
        int sy = firstIsEarlier ? y2 : y1;
        int sm = firstIsEarlier ? m2 : m1;
        int sd = firstIsEarlier ? d2 : d1;
        boolean nextMonth = fm == 12 ? sm == 1 && sy == fy + 1 : sm == fm + 1 && sy == fy;
        if (!nextMonth) {
            return 0;
        }
        if (fd == java.time.YearMonth.of(fy, fm).lengthOfMonth() && sd == 1) {
            return 0.8;
        }
        return fd == sd ? 0.75 : 0;
    }

    /** 1978 for 1987: two neighbouring digits swapped. */
    private static boolean transposedDigits(int a, int b) {
        if (a <= 0 || b <= 0 || digitCount(a) != digitCount(b)) {
            return false;
        }
        // from the right: equal digits, then one neighbouring pair swapped, then equal digits up to the left end
        while (a % 10 == b % 10 && a > 0) {
            a /= 10;
            b /= 10;
        }
        if (a < 10) {
            return false;
        }
        int a1 = a % 10;
        int a2 = a / 10 % 10;
        int b1 = b % 10;
        int b2 = b / 10 % 10;
        return a1 != b1 && a1 == b2 && a2 == b1 && a / 100 == b / 100;
    }

    private static int digitCount(int v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        if (!isKnown()) {
            return "";
        }
        return year + (month == null ? "" : String.format("-%02d", month)) + (day == null ? "" : String.format("-%02d", day));
    }

    /** The year's word after a date, as forms are filled in: 1990 р. / року / рік, 1990 г. / года / год, 1990 y. */
    private static final Pattern YEAR_WORD =
            Pattern.compile("(?iu)(\\d{4})\\s*(р\\.?|рік|року|г\\.?|год|года|y\\.|yr\\.?)$");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?iu)(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?iu)(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern MONTH_YEAR =
            Pattern.compile("(?iu)(\\p{L}+)\\.?,?\\s+(\\d{4})");
    /** Months by their first three letters, Ukrainian (any case form), Russian and English. */
    private static final java.util.Map<String, Integer> MONTHS = months();

    private static java.util.Map<String, Integer> months() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
                {"січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"},
                {"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
                {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}};
        for (String[] language : names) {
            for (int i = 0; i < 12; i++) {
                m.put(language[i], i + 1);
            }
        }
        m.put("май", 5);
        return m;
    }

    /**
     * A date written with words as people write it (14 травня 1987, 14 мая 1987 г., May 14, 1987, березень 2022,
     * 01.01.1990 р.) in the numeric form {@link #parse} reads; null when it is not such a date.
     */
    private static String numeric(String s) {
        java.util.regex.Matcher y = YEAR_WORD.matcher(s);
        if (y.find()) {
            return s.substring(0, y.end(1)); // the date before the year's word, read again
        }
        java.util.regex.Matcher m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches() && month(m.group(2)) != null) {
            return m.group(1) + "." + month(m.group(2)) + "." + m.group(3);
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.matches() && month(m.group(1)) != null) {
            return m.group(2) + "." + month(m.group(1)) + "." + m.group(3);
        }
        m = MONTH_YEAR.matcher(s);
        if (m.matches() && month(m.group(1)) != null) {
            return month(m.group(1)) + "." + m.group(2);
        }
        return null;
    }

    private static Integer month(String word) {
        return word.length() < 3 ? null : MONTHS.get(word.substring(0, 3).toLowerCase(java.util.Locale.ROOT));
    }
}
