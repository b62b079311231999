package org.powexchange.drafting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.people.Side;

/**
 * Checks one row of a source against its documented columns and turns it into a {@link SourceRecord},
 * or lists every problem of the row. Free text must start with a letter or digit and may not contain
 * markup or formula characters, so nothing a spreadsheet or browser would execute is ever stored.
 */
final class SourceRowValidator {

    record Problem(String field, String reason) {
    }

    /** A record (or null with its problems), and what it was kept with despite a doubt. */
    record Outcome(SourceRecord record, List<Problem> problems, List<Problem> warnings) {
    }

    static final Set<String> EVIDENCE = Set.of("NEUTRAL_REGISTRATION", "PHOTO_VIDEO", "LETTER", "INTERCEPT",
            "DNA_REMAINS_MATCH");
    static final Set<String> FLAGS = Set.of("OFFICER", "INTELLIGENCE_ACCESS", "HIGH_PROFILE");

    static final Pattern REF = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#№-]{0,59}");
    /**
     * Names as clerks type them: letters of any script, spaces (also doubled), dots, the typewriter, typographic
     * and modifier apostrophes (' ’ ʼ ‘ ` ʹ), any hyphen or dash and another form in brackets (Бондаренко (Бондар));
     * never digits, markup or formula characters.
     */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’ʼ‘`ʹ\\p{Zs}.\\p{Pd}()]{0,99}");
    /** Service numbers as written: letters, digits, spaces, dots, slashes, hyphens, № (compared without them). */
    static final Pattern SERVICE = Pattern.compile("[\\p{L}\\p{N}№][\\p{L}\\p{N}\\p{Zs}./\\p{Pd}№#]{0,39}");
    static final Pattern TEXT = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\p{Zs} .,'’ʼ‘`\"«»()/#№:;_&+\\p{Pd}]{0,199}");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]{1,64}@[\\p{L}0-9.-]{1,100}\\.[\\p{L}]{2,20}");
    /** A phone in any common written form: +380 …, (0xx) xxx-xx-xx, 8 0xx …, dots, slashes, an extension. */
    private static final Pattern PHONE = Pattern.compile(
            "(?i)(\\+|00)?[\\p{Zs}]*[0-9(][0-9()\\p{Zs}./\\p{Pd}]{4,30}"
                    + "((\\p{Zs}*(ext\\.?|x|#|доб\\.?|вн\\.?)\\p{Zs}*[0-9]{1,6}))?");
    /** Markup or spreadsheet-formula text: never stored, whatever the column. */
    static final Pattern UNSAFE = Pattern.compile("[<>]|^[=@]|^[+\\-][\\p{Zs}]*[^\\p{N}\\p{Zs}(]|\\p{Cc}");
    static final Pattern DNA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,59}");
    // compiled once: every row of a 30,000-row file goes through them
    private static final Pattern CONTACT_PARTS = Pattern.compile("[,;]");
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\p{Zs}\\p{Pd}/]+");
    private static final Pattern FLAG_SEPARATORS = Pattern.compile("[;|]");

    private SourceRowValidator() {
    }

    static Outcome validate(UUID exchangeId, SourceKind kind, Map<String, String> row, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        String ref = text(row, "record_id", REF, true, "letters, digits and . _ : / - (at most 60)", p);
        List<Problem> w = new ArrayList<>();
        String family = text(row, "family_name", NAME, true, NAME_RULE, p);
        String given = text(row, "given_name", NAME, true, NAME_RULE, p);
        String patronymic = text(row, "patronymic", NAME, false, NAME_RULE, p);
        PartialDate birth = PartialDate.UNKNOWN;
        String birthText = fourDigitYear(value(row, "birth_date"), today, "birth_date", w);
        if (birthText != null) {
            try {
                birth = PartialDate.parse(birthText);
                if (birth.year() < 1900 || birth.earliest().isAfter(today)) {
                    p.add(new Problem("birth_date", "must lie between 1900 and today"));
                }
            } catch (DateTimeException e) {
                p.add(new Problem("birth_date", e.getMessage()));
            }
        }
        String service = text(row, "service_number", SERVICE, false,
                "letters, digits, spaces and . / - only (at most 40)", p);
        if (service == null && kind == SourceKind.MILITARY_RECORDS && !has(p, "service_number")) {
            w.add(new Problem("service_number", "missing: the record is kept and matched on name and birth date only"));
        }
        String category = choice(row, "category", Set.of("MILITARY", "CIVILIAN"), w);
        if (kind == SourceKind.MILITARY_RECORDS) {
            category = "MILITARY";
        }
        String rank = text(row, "rank", TEXT, false, "plain text starting with a letter or digit", p);
        String unit = text(row, "unit", TEXT, false, "plain text starting with a letter or digit", p);
        LocalDate captured = date(row, "captured_on", today, p, w);
        String place = text(row, "captured_place", TEXT, false, "plain text starting with a letter or digit", p);
        String held = text(row, "location_held", TEXT, false, "plain text starting with a letter or digit", p);
        String evidence = choice(row, "evidence_type", EVIDENCE, w);
        LocalDate evidenceDate = date(row, "evidence_date", today, p, w);
        if ((evidence == null) != (evidenceDate == null) && !has(p, "evidence_date")) {
            // the life-status assessment reads the two together: one alone is left out, the record kept
            w.add(new Problem(evidence == null ? "evidence_date" : "evidence_type", "left out: evidence_type and "
                    + "evidence_date go together (the life-status assessment reads both)"));
            evidence = null;
            evidenceDate = null;
        }
        String flags = flags(row, w);
        Boolean sws = bool(row, "seriously_wounded_sick", w);
        String contact = contact(row, kind, w);
        LocalDate lastSeen = date(row, "date_last_seen", today, p, w);
        String dna = text(row, "dna_sample_ref", DNA, false, "letters, digits and . _ / - only", p);
        if (!p.isEmpty()) {
            return new Outcome(null, p, w);
        }
        String warning = w.isEmpty() ? null : w.stream().map(x -> x.field() + " " + x.reason())
                .reduce((a, b) -> a + "; " + b).orElse("");
        SourceRecord r = new SourceRecord(0, exchangeId, kind, ref, Side.BRING_HOME, family, given, patronymic, birth,
                service, category, rank == null ? null : rank.toUpperCase(Locale.ROOT), unit, captured, place, held,
                evidence, evidenceDate, flags, sws, null, contact, lastSeen, dna, null, null,
                warning == null || warning.length() <= 300 ? warning : warning.substring(0, 300));
        return new Outcome(r, List.of(), w);
    }

    private static final String NAME_RULE = "must be a name (letters, spaces, apostrophes, hyphens, dots)";

    /**
     * A relative's contact: a phone in any common form or an e-mail is kept as written; anything else is
     * kept as text with a warning, and text that looks like markup or a formula is left out with a warning.
     * A family appeal is never refused for its contact.
     */
    private static String contact(Map<String, String> row, SourceKind kind, List<Problem> w) {
        String v = value(row, "relative_contact");
        if (v == null) {
            if (kind == SourceKind.FAMILY_APPEALS) {
                w.add(new Problem("relative_contact", "missing: the appeal is kept; ask the family for a contact"));
            }
            return null;
        }
        if (UNSAFE.matcher(v).find() || v.length() > 200) {
            w.add(new Problem("relative_contact", "not stored (markup, formula or too long); the appeal is kept"));
            return null;
        }
        // one contact, or several separated by , or ; (two phones of one family)
        if (java.util.Arrays.stream(CONTACT_PARTS.split(v)).allMatch(SourceRowValidator::phoneOrEmail)) {
            return v;
        }
        w.add(new Problem("relative_contact", "neither a phone number nor an e-mail address: kept as text"));
        return v;
    }

    private static boolean phoneOrEmail(String part) {
        String v = part.strip();
        if (EMAIL.matcher(v).matches()) {
            return true;
        }
        long digits = v.chars().filter(Character::isDigit).count();
        return PHONE.matcher(v).matches() && digits >= 6 && digits <= 20;
    }

    private static boolean has(List<Problem> p, String field) {
        return p.stream().anyMatch(x -> x.field().equals(field));
    }

    /**
     * A cell's value, trimmed; line breaks and tabs inside it (a spreadsheet cell typed on several lines) read as
     * one space: layout, not content.
     */
    static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        return v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\t') < 0 ? v : LAYOUT.matcher(v).replaceAll(" ");
    }

    private static final Pattern LAYOUT = Pattern.compile("\\p{Zs}*[\\r\\n\\t][\\r\\n\\t\\p{Zs}]*");

    private static String text(Map<String, String> row, String column, Pattern pattern, boolean required, String rule,
                               List<Problem> p) {
        String v = value(row, column);
        if (v == null) {
            if (required) {
                p.add(new Problem(column, "is required"));
            }
            return null;
        }
        // every column pattern starts with a letter or digit and admits no < > or control character, so what it
        // matches is never markup or a formula (SourceRowValidatorTest holds each pattern against UNSAFE's cases)
        if (!pattern.matcher(v).matches()) {
            p.add(new Problem(column, rule));
            return null;
        }
        return v;
    }

    /**
     * A value of an enumeration: case, spaces, hyphens and slashes ignored, the Ukrainian and Russian words clerks
     * write for it read as it ({@code SYNONYMS}); any other value is left out with a warning naming it, the record
     * kept (a clerk's word is no reason to lose a person).
     */
    private static String choice(Map<String, String> row, String column, Set<String> allowed, List<Problem> w) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        String u = WORD_BREAKS.matcher(v.toUpperCase(Locale.ROOT)).replaceAll("_");
        u = SYNONYMS.getOrDefault(u, u);
        if (!allowed.contains(u)) {
            w.add(new Problem(column, "'" + v + "' is none of " + new java.util.TreeSet<>(allowed)
                    + ": left out, the record kept; correct it in the source"));
            return null;
        }
        return u;
    }

    /** What clerks write for the enumerations' values (upper case, words joined by _). DNA is not guessed: a
     * DNA match of remains means death, and only the code says so. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("ВІЙСЬКОВИЙ", "MILITARY"), Map.entry("ВІЙСЬКОВОСЛУЖБОВЕЦЬ", "MILITARY"),
            Map.entry("ВОЕННЫЙ", "MILITARY"), Map.entry("ВОЕННОСЛУЖАЩИЙ", "MILITARY"),
            Map.entry("ЦИВІЛЬНИЙ", "CIVILIAN"), Map.entry("ЦИВІЛЬНА", "CIVILIAN"), Map.entry("ГРАЖДАНСКИЙ", "CIVILIAN"),
            Map.entry("CIVIL", "CIVILIAN"),
            Map.entry("ФОТО", "PHOTO_VIDEO"), Map.entry("ВІДЕО", "PHOTO_VIDEO"), Map.entry("ВИДЕО", "PHOTO_VIDEO"),
            Map.entry("ФОТО_ВІДЕО", "PHOTO_VIDEO"), Map.entry("ФОТО_ВИДЕО", "PHOTO_VIDEO"), Map.entry("PHOTO", "PHOTO_VIDEO"),
            Map.entry("VIDEO", "PHOTO_VIDEO"), Map.entry("ЛИСТ", "LETTER"), Map.entry("ПИСЬМО", "LETTER"),
            Map.entry("ПЕРЕХОПЛЕННЯ", "INTERCEPT"), Map.entry("ПЕРЕХВАТ", "INTERCEPT"),
            Map.entry("МКЧХ", "NEUTRAL_REGISTRATION"), Map.entry("МККК", "NEUTRAL_REGISTRATION"),
            Map.entry("ICRC", "NEUTRAL_REGISTRATION"));

    private static final Pattern TWO_DIGIT_YEAR = Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{2})");

    /**
     * A day-first date with a two-digit year (14.05.87, as forms filled in by hand are typed) in the latest century
     * that puts it no later than today; kept with a warning naming the year it was read as. Anything else unchanged.
     */
    static String fourDigitYear(String text, LocalDate today, String column, List<Problem> warnings) {
        java.util.regex.Matcher m = text == null ? null : TWO_DIGIT_YEAR.matcher(text.strip());
        if (m == null || !m.matches()) {
            return text;
        }
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(3));
        int year = today.getYear() / 100 * 100 + Integer.parseInt(m.group(4));
        // month and day compared as one number: an impossible date (31.02.87) is still refused by the parser after
        if (year > today.getYear() || (year == today.getYear()
                && month * 100 + day > today.getMonthValue() * 100 + today.getDayOfMonth())) {
            year -= 100;
        }
        String read = day + "." + month + "." + year;
        warnings.add(new Problem(column, "'" + text.strip() + "' has a two-digit year, read as " + year
                + ": check the record"));
        return read;
    }

    private static LocalDate date(Map<String, String> row, String column, LocalDate today, List<Problem> p,
                                  List<Problem> w) {
        String v = fourDigitYear(value(row, column), today, column, w);
        if (v == null) {
            return null;
        }
        try {
            PartialDate d = PartialDate.parse(v);
            if (!d.isComplete()) {
                // an event known to the month or year: the record is kept, the imprecise date is not stored
                w.add(new Problem(column, "'" + v + "' names no day: left out, the record kept; add the day in the source"));
                return null;
            }
            LocalDate ld = d.toLocalDate();
            if (ld.isAfter(today) || ld.getYear() < 1990) {
                p.add(new Problem(column, "must lie between 1990 and today"));
                return null;
            }
            return ld;
        } catch (DateTimeException e) {
            p.add(new Problem(column, e.getMessage()));
            return null;
        }
    }

    /** Yes or no as written, also a spreadsheet's tick (+, x, ✓); anything else left out with a warning. */
    private static Boolean bool(Map<String, String> row, String column, List<Problem> w) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "так", "да", "t", "+", "x", "х", "✓", "✔" -> Boolean.TRUE;
            case "false", "no", "n", "0", "ні", "нет", "f", "-", "–" -> Boolean.FALSE;
            default -> {
                w.add(new Problem(column, "'" + v + "' is neither yes nor no: left out, the record kept"));
                yield null;
            }
        };
    }

    /** The strategic flags named; an unknown one is left out with a warning, the others kept. */
    private static String flags(Map<String, String> row, List<Problem> w) {
        String v = value(row, "strategic_flags");
        if (v == null) {
            return null;
        }
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String f : FLAG_SEPARATORS.split(v)) {
            String u = f.strip().toUpperCase(Locale.ROOT);
            if (u.isEmpty()) {
                continue;
            }
            if (!FLAGS.contains(u)) {
                w.add(new Problem("strategic_flags", "'" + f.strip() + "' is none of " + new java.util.TreeSet<>(FLAGS)
                        + " (separated by ;): left out"));
                continue;
            }
            out.add(u);
        }
        return out.isEmpty() ? null : String.join(";", out);
    }
}
