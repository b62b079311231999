package org.powexchange.drafting;

import org.powexchange.UnitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The row validator takes data as clerks write it and refuses only what cannot be used. */
@UnitTest
class SourceRowValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static SourceRowValidator.Outcome row(SourceKind kind, String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("record_id", "R-1");
        m.put("family_name", "Testenko");
        m.put("given_name", "Ivan");
        if (kind == SourceKind.MILITARY_RECORDS) {
            m.put("service_number", "UA1");
        }
        if (kind == SourceKind.FAMILY_APPEALS) {
            m.put("relative_contact", "+380440000001");
        }
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return SourceRowValidator.validate(UUID.randomUUID(), kind, m, TODAY);
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is kept as written")
    @CsvSource(delimiter = '|', value = {
        "given_name|В’ячеслав", "family_name|Григор’єв", "family_name|Григорʼєв", "family_name|Григор‘єв",
        "family_name|Григор`єв", "family_name|O'Brien", "family_name|Петренко‐Іванов", "family_name|Petrenko – Ivanov",
        "family_name|Petrenko  Ivanov", "given_name|Anna-Maria", "patronymic|Миколайович", "patronymic|M.",
        "service_number|КН 798548", "service_number|UA.123.456", "service_number|12/345-67", "service_number|№ 12345",
        "birth_date|14/05/1987", "birth_date|14-05-1987", "birth_date|1987.05.14", "birth_date|05.1987",
        "seriously_wounded_sick|так", "family_name|Бондаренко (Бондар)", "birth_date|14 травня 1987",
        "birth_date|01.01.1990 р.", "birth_date|May 14, 1987", "captured_on|01.03.2022 р.", "seriously_wounded_sick|+"})
    void acceptsWhatClerksWrite(String field, String value) {
        SourceKind kind = field.equals("seriously_wounded_sick") ? SourceKind.INTELLIGENCE : SourceKind.MILITARY_RECORDS;
        SourceRowValidator.Outcome o = row(kind, field, value);
        assertNotNull(o.record(), () -> field + " '" + value + "' refused: " + o.problems());
        if (field.equals("family_name")) {
            assertEquals(value, o.record().familyName(), "stored as written");
        }
        if (field.equals("service_number")) {
            assertEquals(value, o.record().serviceNumber(), "stored as written");
        }
        if (field.equals("patronymic")) {
            assertEquals(value, o.record().patronymic());
        }
    }

    @ParameterizedTest(name = "contact ''{0}'' keeps the appeal (warning: {1})")
    @CsvSource(delimiter = '|', value = {
        "(044) 277-14-58|false", "8 044 277 14 58|false", "+380 44 277 14 58|false", "044.277.14.58|false",
        "+380442771458 ext. 12|false", "+38 (044) 277-14-58 доб. 3|false", "mother@example.org|false",
        "067 123 45 67, 050 765 43 21|false", "mother@example.org; +380671234567|false", "viber +380671234567|true",
        "ask at the village council|true", "=HYPERLINK(\"x\")|true", "<b>call</b>|true"})
    void aFamilyAppealIsNeverRefusedForItsContact(String contact, boolean warned) {
        SourceRowValidator.Outcome o = row(SourceKind.FAMILY_APPEALS, "relative_contact", contact);
        assertNotNull(o.record(), () -> "refused: " + o.problems());
        assertEquals(warned, !o.warnings().isEmpty(), () -> "warnings: " + o.warnings());
        if (contact.contains("<") || contact.startsWith("=")) {
            assertNull(o.record().relativeContact(), "markup and formulas are never stored");
        }
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
        "family_name|<script>x</script>", "family_name|Robert'); DROP TABLE person;--", "given_name|=cmd",
        "family_name|Petr0v", "birth_date|1990-02-30", "birth_date|2099-01-01", "birth_date|1850", "unit|=HYPERLINK(1)",
        "service_number|<b>1</b>", "patronymic|<i>x</i>"})
    void refusesWhatCannotBeUsed(String field, String value) {
        SourceRowValidator.Outcome o = row(SourceKind.MILITARY_RECORDS, field, value);
        assertNull(o.record());
        assertEquals(field, o.problems().get(0).field());
    }

    @org.junit.jupiter.api.Test
    void aMilitaryRecordWithoutServiceNumberIsKeptAndFlagged() {
        SourceRowValidator.Outcome o = row(SourceKind.MILITARY_RECORDS, "service_number", "");
        assertNotNull(o.record());
        assertEquals("service_number", o.warnings().get(0).field());
        assertTrue(o.record().dataWarning().startsWith("service_number missing"), o.record().dataWarning());
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is read as {2}")
    @CsvSource(delimiter = '|', value = {
        "category|військовий|MILITARY", "category|Гражданский|CIVILIAN", "evidence_type|фото|PHOTO_VIDEO",
        "evidence_type|Фото/відео|PHOTO_VIDEO", "evidence_type|лист|LETTER", "evidence_type|МКЧХ|NEUTRAL_REGISTRATION",
        "seriously_wounded_sick|x|true", "seriously_wounded_sick|Х|true", "seriously_wounded_sick|-|false"})
    void readsTheWordsClerksWriteForAValue(String field, String value, String expected) {
        SourceRowValidator.Outcome o = row(SourceKind.INTELLIGENCE, field, value, "evidence_date",
                field.equals("evidence_type") ? "2024-01-10" : "");
        assertNotNull(o.record(), () -> "refused: " + o.problems());
        assertTrue(o.warnings().isEmpty(), () -> "warned: " + o.warnings());
        assertEquals(expected, switch (field) {
            case "category" -> o.record().category();
            case "evidence_type" -> o.record().evidenceType();
            default -> String.valueOf(o.record().seriouslyWoundedSick());
        });
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is left out with a warning, the record kept")
    @CsvSource(delimiter = '|', value = {
        "category|контрактник", "evidence_type|ДНК", "evidence_type|свідок", "seriously_wounded_sick|може",
        "strategic_flags|OFFICER;GENERAL", "captured_on|березень 2022", "captured_on|2022", "date_last_seen|2022-03",
        "evidence_date|03.2024"})
    void aValueThatCannotBeReadIsLeftOutAndTheRecordKept(String field, String value) {
        SourceRowValidator.Outcome o = row(SourceKind.INTELLIGENCE, field, value);
        assertNotNull(o.record(), () -> "refused: " + o.problems());
        assertTrue(o.warnings().stream().anyMatch(x -> x.field().equals(field) || x.field().startsWith("evidence")),
                () -> "no warning for " + field + ": " + o.warnings());
        assertNull(o.record().evidenceType());
        if (field.equals("strategic_flags")) {
            assertEquals("OFFICER", o.record().strategicFlags(), "the known flag kept");
        }
    }

    @org.junit.jupiter.api.Test
    void aCellTypedOnSeveralLinesIsOneLineOfText() {
        SourceRowValidator.Outcome o = row(SourceKind.MILITARY_RECORDS, "unit", "3rd brigade \r\n\t2nd company",
                "given_name", "Іван\nПетрович");
        assertNotNull(o.record(), () -> "refused: " + o.problems());
        assertEquals("3rd brigade 2nd company", o.record().unit());
        assertEquals("Іван Петрович", o.record().givenName());
    }

    @org.junit.jupiter.api.Test
    void aMissingNameIsRefused() {
        assertEquals("given_name", row(SourceKind.INTELLIGENCE, "given_name", " ").problems().get(0).field());
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is read as {2} and kept with a warning")
    @CsvSource(delimiter = '|', value = {
        "birth_date|14.05.87|1987-05-14", "birth_date|3/7/05|2005-07-03", "birth_date|01-12-26|2026-12-01",
        "birth_date|02.12.26|1926-12-02", "captured_on|24.02.22|2022-02-24", "evidence_date|1.6.25|2025-06-01"})
    void aTwoDigitYearIsReadInTheLatestCenturyNotInTheFuture(String field, String value, String expected) {
        SourceRowValidator.Outcome o = field.equals("evidence_date")
                ? row(SourceKind.INTELLIGENCE, field, value, "evidence_type", "LETTER")
                : row(SourceKind.MILITARY_RECORDS, field, value);
        assertNotNull(o.record(), () -> field + " '" + value + "' refused: " + o.problems());
        String stored = switch (field) {
            case "birth_date" -> SourceRecord.dateText(o.record().birthDate());
            case "captured_on" -> o.record().capturedOn().toString();
            default -> o.record().evidenceDate().toString();
        };
        assertEquals(expected, stored);
        assertTrue(o.warnings().stream().anyMatch(w -> w.field().equals(field)
                && w.reason().contains("two-digit year, read as " + expected.substring(0, 4))), () -> o.warnings().toString());
    }
}
