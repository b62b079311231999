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

    record Outcome(SourceRecord record, List<Problem> problems) {
    }

    static final Set<String> EVIDENCE = Set.of("NEUTRAL_REGISTRATION", "PHOTO_VIDEO", "LETTER", "INTERCEPT",
            "DNA_REMAINS_MATCH");
    static final Set<String> FLAGS = Set.of("OFFICER", "INTELLIGENCE_ACCESS", "HIGH_PROFILE");

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,59}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}' .\\-]{0,99}");
    private static final Pattern SERVICE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,29}");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'()/#№:_-]{0,199}");
    private static final Pattern CONTACT = Pattern.compile(
            "\\+?[0-9][0-9 ()-]{5,24}|[A-Za-z0-9._%-]{1,64}@[A-Za-z0-9.-]{1,100}\\.[A-Za-z]{2,20}");
    private static final Pattern DNA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,59}");

    private SourceRowValidator() {
    }

    static Outcome validate(UUID exchangeId, SourceKind kind, Map<String, String> row, LocalDate today) {
        List<Problem> p = new ArrayList<>();
        String ref = text(row, "record_id", REF, true, "letters, digits and . _ : / - (at most 60)", p);
        String family = text(row, "family_name", NAME, true, "must be a name (letters, spaces, ' - .)", p);
        String given = text(row, "given_name", NAME, true, "must be a name (letters, spaces, ' - .)", p);
        PartialDate birth = PartialDate.UNKNOWN;
        String birthText = value(row, "birth_date");
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
        String service = text(row, "service_number", SERVICE, kind == SourceKind.MILITARY_RECORDS,
                "letters, digits and - only (at most 30)", p);
        String category = choice(row, "category", Set.of("MILITARY", "CIVILIAN"), p);
        if (kind == SourceKind.MILITARY_RECORDS) {
            category = "MILITARY";
        }
        String rank = text(row, "rank", TEXT, false, "plain text starting with a letter or digit", p);
        String unit = text(row, "unit", TEXT, false, "plain text starting with a letter or digit", p);
        LocalDate captured = date(row, "captured_on", today, p);
        String place = text(row, "captured_place", TEXT, false, "plain text starting with a letter or digit", p);
        String held = text(row, "location_held", TEXT, false, "plain text starting with a letter or digit", p);
        String evidence = choice(row, "evidence_type", EVIDENCE, p);
        LocalDate evidenceDate = date(row, "evidence_date", today, p);
        if ((evidence == null) != (evidenceDate == null) && !has(p, "evidence_type") && !has(p, "evidence_date")) {
            p.add(new Problem(evidence == null ? "evidence_type" : "evidence_date",
                    "evidence_type and evidence_date go together"));
        }
        String flags = flags(row, p);
        Boolean sws = bool(row, "seriously_wounded_sick", p);
        String contact = text(row, "relative_contact", CONTACT, kind == SourceKind.FAMILY_APPEALS,
                "a phone number or an e-mail address", p);
        LocalDate lastSeen = date(row, "date_last_seen", today, p);
        String dna = text(row, "dna_sample_ref", DNA, false, "letters, digits and . _ / - only", p);
        if (!p.isEmpty()) {
            return new Outcome(null, p);
        }
        SourceRecord r = new SourceRecord(0, exchangeId, kind, ref, Side.BRING_HOME, family.strip(), given.strip(), birth,
                service == null ? null : service.toUpperCase(Locale.ROOT), category,
                rank == null ? null : rank.toUpperCase(Locale.ROOT), unit, captured, place, held, evidence, evidenceDate,
                flags, sws, null, contact, lastSeen, dna, null, null);
        return new Outcome(r, List.of());
    }

    private static boolean has(List<Problem> p, String field) {
        return p.stream().anyMatch(x -> x.field().equals(field));
    }

    static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String text(Map<String, String> row, String column, Pattern pattern, boolean required, String rule,
                               List<Problem> p) {
        String v = value(row, column);
        if (v == null) {
            if (required) {
                p.add(new Problem(column, "is required"));
            }
            return null;
        }
        if (!pattern.matcher(v).matches()) {
            p.add(new Problem(column, rule));
            return null;
        }
        return v;
    }

    private static String choice(Map<String, String> row, String column, Set<String> allowed, List<Problem> p) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        String u = v.toUpperCase(Locale.ROOT);
        if (!allowed.contains(u)) {
            p.add(new Problem(column, "must be one of " + new java.util.TreeSet<>(allowed)));
            return null;
        }
        return u;
    }

    private static LocalDate date(Map<String, String> row, String column, LocalDate today, List<Problem> p) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        try {
            PartialDate d = PartialDate.parse(v);
            if (!d.isComplete()) {
                p.add(new Problem(column, "must be a full date (YYYY-MM-DD or DD.MM.YYYY)"));
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

    private static Boolean bool(Map<String, String> row, String column, List<Problem> p) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> {
                p.add(new Problem(column, "must be true or false"));
                yield null;
            }
        };
    }

    private static String flags(Map<String, String> row, List<Problem> p) {
        String v = value(row, "strategic_flags");
        if (v == null) {
            return null;
        }
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String f : v.split("[;|]")) {
            String u = f.strip().toUpperCase(Locale.ROOT);
            if (u.isEmpty()) {
                continue;
            }
            if (!FLAGS.contains(u)) {
                p.add(new Problem("strategic_flags", "flags separated by ; from " + new java.util.TreeSet<>(FLAGS)));
                return null;
            }
            out.add(u);
        }
        return out.isEmpty() ? null : String.join(";", out);
    }
}
