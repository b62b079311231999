package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.powexchange.people.Side;
import org.powexchange.people.matching.PartialDate;

@UnitTest
class SourceRecordTest {

    @Test
    void columnNamesAreReadAsAClerksExportWritesThem() {
        String[][] cases = {{"family_name", "family_name"}, {"Family name", "family_name"}, {" FAMILY_NAME ", "family_name"},
                {"family-name", "family_name"}, {"Birth  Date", "birth_date"}, {"", ""}, {"  ", ""}};
        for (String[] c : cases) {
            assertThat(SourceImportService.columnName(c[0])).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(SourceImportService.columnName(null)).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1251OnlyWhenItsWordsAreCyrillic() {
        java.nio.charset.Charset cp1251 = java.nio.charset.Charset.forName("windows-1251");
        for (String text : List.of("record_id;family_name\nF-1;Ковальчук\n", "F-2,Григор’єв,В’ячеслав,“Azov”,Ґудзь\n",
                "M-3;Петренко-Іванов;Їжак;Євген\n", "M-4;Петрiв;Iван\n" /* Latin i and I typed into Cyrillic words */)) {
            assertThat(SourceImportService.cyrillicWindows(text.getBytes(cp1251))).isEqualTo(text);
        }
        for (byte[] bytes : List.of("M-1,Müller,Jürgen\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "M-1,Désirée\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "M-2,Österreicher,Zoë\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "record_id,family_name\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                new byte[] {'M', '-', '1', ',', (byte) 0x98})) {
            assertThatThrownBy(() -> SourceImportService.cyrillicWindows(bytes))
                    .isInstanceOf(org.powexchange.refusal.Refusal.class).hasMessageContaining("Windows-1251");
        }
    }

    @Test
    void utf16IsReadByItsByteOrderMarkOnly() {
        String text = "record_id\tfamily_name\r\nM-1\tВигаданенко\r\n";
        byte[] le = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] be = text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        assertThat(SourceImportService.utf16(withMark(new byte[] {(byte) 0xff, (byte) 0xfe}, le))).isEqualTo(text);
        assertThat(SourceImportService.utf16(withMark(new byte[] {(byte) 0xfe, (byte) 0xff}, be))).isEqualTo(text);
        assertThat(SourceImportService.utf16(le)).isNull();                          // no mark: not taken for UTF-16
        assertThat(SourceImportService.utf16(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(SourceImportService.utf16(new byte[] {(byte) 0xff})).isNull();
        assertThatThrownBy(() -> SourceImportService.utf16(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xdc}))
                .isInstanceOf(org.powexchange.refusal.Refusal.class).hasMessageContaining("UTF-16");  // a lone surrogate
    }

    private static byte[] withMark(byte[] mark, byte[] text) {
        byte[] out = new byte[mark.length + text.length];
        System.arraycopy(mark, 0, out, 0, mark.length);
        System.arraycopy(text, 0, out, mark.length, text.length);
        return out;
    }

    @Test
    void theFormatIsJsonOnlyForJsonOrForAnOctetStreamThatStartsAsJson() {
        byte[] csv = "record_id,family_name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] json = " \n[{\"record_id\": \"I-1\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] markedJson = "\uFEFF{\"records\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SourceImportController.format("application/json; charset=utf-8", csv)).isEqualTo("json");
        assertThat(SourceImportController.format("application/octet-stream", json)).isEqualTo("json");
        assertThat(SourceImportController.format("application/octet-stream", markedJson)).isEqualTo("json");
        assertThat(SourceImportController.format("application/octet-stream", csv)).isEqualTo("csv");
        assertThat(SourceImportController.format("text/plain", json)).isEqualTo("csv");   // the sender said text
        assertThat(SourceImportController.format("application/vnd.ms-excel", csv)).isEqualTo("csv");
        assertThat(SourceImportController.format(null, csv)).isEqualTo("csv");
    }

    @Test
    void theSeparatorIsReadOffTheHeaderLine() {
        String[][] cases = {
                {"record_id,family_name,given_name\nM-1,Testenko,Ivan\n", ","},
                {"record_id;family_name;given_name\r\nM-1;Testenko;Ivan, jr.\r\n", ";"},      // Excel, Ukrainian locale
                {"record_id\tfamily_name\tgiven_name\nM-1\tTestenko\tIvan\n", "\t"},
                {"record_id;family_name\nM-1;\"Testenko, Ivan\"\n", ";"},                      // commas only in the data
                {"record_id,family_name;x,given_name\n", ","},                                    // more commas than semicolons
                {"record_id", ","},                                                              // one column, no data
        };
        for (String[] c : cases) {
            assertThat(String.valueOf(SourceImportService.delimiter(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void dateTextIsPartialDatesOwnText() {
        List<PartialDate> dates = new ArrayList<>(List.of(PartialDate.UNKNOWN, new PartialDate(987, null, null),
                new PartialDate(1987, null, null), new PartialDate(1987, 5, null), new PartialDate(1987, 12, null),
                new PartialDate(2004, 2, 29), new PartialDate(1999, 10, 1), new PartialDate(1960, 1, 31)));
        for (int m = 1; m <= 12; m++) {
            dates.add(new PartialDate(1975, m, m + 9));
            dates.add(new PartialDate(1975, m, 1));
        }
        for (PartialDate d : dates) {
            assertThat(SourceRecord.dateText(d)).as(d.year() + "/" + d.month() + "/" + d.day()).isEqualTo(d.toString());
        }
    }

    @Test
    void fingerprintIsAsBeforeTheDateWasWrittenWithoutFormat() {
        // the fingerprint of a stored record must not change, or a re-import of an unchanged file updates every row
        SourceRecord r = new SourceRecord(0, UUID.fromString("00000000-0000-0000-0000-000000000001"),
                SourceKind.MILITARY_RECORDS, "M-1", Side.BRING_HOME, "Testenko", "Ivan", "Petrovych",
                new PartialDate(1987, 5, 4), "AB123", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        String old = String.join("|", "BRING_HOME", "Testenko", "Ivan", "1987-05-04", "AB123", "null", "null", "null",
                "null", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null") + "|Petrovych";
        assertThat(r.fingerprint()).isEqualTo(Hashing.sha256(old));
    }
}
