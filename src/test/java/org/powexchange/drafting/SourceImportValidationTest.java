package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad source files get a clear report, and nothing is half-imported. */
@SuppressWarnings({"unchecked", "rawtypes"})
@AlsoOnPostgres
class SourceImportValidationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Value("${powexchange.drafting.import-max-bytes:16777216}")
    int maxBytes;

    @org.springframework.beans.factory.annotation.Value("${powexchange.drafting.import-max-rows:30000}")
    int maxRows;

    SourceHttp src;

    @BeforeEach
    void driver() {
        src = new SourceHttp(d);
    }

    int stored(String ex) {
        return jdbc.sql("select count(*) from source_record where exchange_id = ?").param(java.util.UUID.fromString(ex))
                .query(Integer.class).single()
                + jdbc.sql("select count(*) from import_batch where exchange_id = ?").param(java.util.UUID.fromString(ex))
                .query(Integer.class).single();
    }

    @Test
    void aFileWithMissingColumnsIsRefusedWhole() {
        String ex = d.createExchange("DRAFT-BAD-COLUMNS", 5, List.of(5));
        ResponseEntity<Map> r = src.post("coordination-staff", ex, "military-records", "text/csv",
                "record_id,family_name,given_name\nM-1,Testenko,Ivan\n", false);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).containsEntry("field", "service_number");
        assertThat((String) r.getBody().get("detail")).contains("missing column(s) [service_number]");
        ResponseEntity<Map> typo = src.post("coordination-staff", ex, "military-records", "text/csv",
                "record_id,service_number,famly_name,given_name\nM-1,UA1,Testenko,Ivan\n", false);
        assertThat(typo.getStatusCode().value()).isEqualTo(400);
        assertThat((String) typo.getBody().get("detail")).contains("missing column(s) [family_name]")
                .contains("[famly_name], which it does not know");
        ResponseEntity<Map> j = src.post("coordination-staff", ex, "intelligence-assessments", "application/json",
                "[{\"record_id\": \"I-1\", \"family_name\": \"Testenko\", \"given_name\": \"Ivan\", \"secret\": 1}]", false);
        assertThat(j.getStatusCode().value()).isEqualTo(400);
        assertThat(j.getBody()).containsEntry("field", "secret");
        ResponseEntity<Map> broken = src.post("coordination-staff", ex, "intelligence-assessments", "application/json",
                "[{\"record_id\": \"I-1\", ", false);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat((String) broken.getBody().get("detail")).contains("not valid JSON");
        ResponseEntity<Map> quotes = src.post("coordination-staff", ex, "military-records", "text/csv",
                "record_id,service_number,family_name,given_name\nM-1,UA1,\"Testenko,Ivan\n", false);
        assertThat(quotes.getStatusCode().value()).isEqualTo(400);
        assertThat(stored(ex)).isZero();
    }

    @Test
    void badRowsAreReportedWithTheirNumbersAndGoodRowsKept() {
        String ex = d.createExchange("DRAFT-BAD-ROWS", 5, List.of(5));
        String csv = "record_id,service_number,family_name,given_name,birth_date,unit,rank,captured_on,captured_place\n"
                + "M-1,UA2000001,Testenko,Ivan,1990-02-30,Brigade 1,Private,,\n"          // no 30 February
                + "M-2,UA2000002,,Petro,1990-01-01,Brigade 1,Private,,\n"                  // empty family name
                + "M-3,UA2000003,Pryklad,Mykola,1991-01-01,=HYPERLINK(\"http://x\"),Private,,\n" // formula injection
                + "M-4,UA2000004,<script>alert(1)</script>,Taras,1992-01-01,,,,\n"         // markup
                + "M-5,UA2000005,Robert'); DROP TABLE person;--,Olena,1993-01-01,,,,\n"    // SQL
                + "M-6,UA2000006,Vigadanyi,Oleh,1994-01-01,Brigade 2,Sergeant,2099-01-01,\n" // capture in the future
                + "M-7,UA2000007,Uyavnyi,Roman,1995-05-05,Brigade 2,Private,,Village D\n"  // good
                + "M-7,UA2000008,Uyavnyi,Roman,1995-05-05,Brigade 2,Private,,Village D\n"; // same record twice
        ResponseEntity<Map> r = src.post("coordination-staff", ex, "military-records", "text/csv", csv, false);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> report = r.getBody();
        assertThat(report).containsEntry("rows", 8).containsEntry("created", 1).containsEntry("rejected", 7);
        List<Map<String, Object>> rejections = (List<Map<String, Object>>) report.get("rejections");
        assertThat(rejections).extracting(x -> x.get("row")).containsExactly(1, 2, 3, 4, 5, 6, 8);
        assertThat(rejections).extracting(x -> x.get("field"))
                .containsExactly("birth_date", "family_name", "unit", "family_name", "family_name", "captured_on",
                        "record_id");
        assertThat((String) rejections.get(0).get("reason")).contains("not a real date");
        assertThat((String) rejections.get(1).get("reason")).contains("is required");
        assertThat(rejections).allSatisfy(x -> assertThat((String) x.get("reason")).doesNotContain("<script>", "DROP"));
        assertThat(jdbc.sql("select family_name from source_record where exchange_id = ?")
                .param(java.util.UUID.fromString(ex)).query(String.class).list()).containsExactly("Uyavnyi");

        // the report is kept and can be read again
        List<Map<String, Object>> reports = d.list("coordination-staff", "/api/exchanges/" + ex + "/imports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).containsEntry("rejected", 7);

        // JSON: nested values, wrong types and dates are row errors too
        String json = "[{\"record_id\": \"I-1\", \"family_name\": \"Testenko\", \"given_name\": {\"x\": 1}},"
                + " {\"record_id\": \"I-2\", \"family_name\": \"Testenko\", \"given_name\": \"Ivan\", \"evidence_type\": \"RUMOUR\","
                + " \"evidence_date\": \"yesterday\"},"
                + " {\"record_id\": \"I-3\", \"family_name\": \"Testenko\", \"given_name\": \"Ivan\", \"seriously_wounded_sick\": \"maybe\"}]";
        Map<String, Object> jr = src.post("coordination-staff", ex, "intelligence-assessments", "application/json", json,
                false).getBody();
        // a nested value and a date that is none are refused; a yes/no that is neither is left out, the record kept
        assertThat(jr).containsEntry("created", 1).containsEntry("rejected", 2).containsEntry("warned", 1);
        assertThat((List<Map<String, Object>>) jr.get("rejections")).extracting(x -> x.get("field"))
                .containsExactly("given_name", "evidence_date");
        assertThat((List<Map<String, Object>>) jr.get("warnings")).singleElement()
                .satisfies(x -> assertThat(x).containsEntry("row", 3).containsEntry("field", "seriously_wounded_sick"));
    }

    @Test
    void anOversizeFileIsRefusedAndNothingStored() {
        String ex = d.createExchange("DRAFT-OVERSIZE", 5, List.of(5));
        // just over the byte limit (16 MiB by default: 20,000 rows with every column in Cyrillic fit well within it)
        StringBuilder big = new StringBuilder(maxBytes + 64).append("record_id,family_name,given_name,relative_contact\n");
        int n = 0;
        while (big.length() <= maxBytes) {
            big.append("F-").append(n++).append(",Testenko,Ivan,+380440000001\n");
        }
        // the server reads the rest of the body before answering: the client, still sending, gets the problem document
        ResponseEntity<Map> r = src.post("coordination-staff", ex, "family-appeals", "text/csv", big.toString(), false);
        assertThat(r.getStatusCode().value()).isEqualTo(413);
        assertThat(r.getBody()).containsEntry("field", "file");
        assertThat(stored(ex)).isZero();
        // one row over the row limit: refused as a whole, before every row is read
        StringBuilder rows = new StringBuilder("record_id,family_name,given_name,relative_contact\n");
        for (int i = 0; i <= maxRows; i++) {
            rows.append("F-").append(i).append(",Testenko,Ivan,+380440000001\n");
        }
        ResponseEntity<Map> many = src.post("coordination-staff", ex, "family-appeals", "text/csv", rows.toString(), false);
        assertThat(many.getStatusCode().value()).isEqualTo(413);
        assertThat((String) many.getBody().get("detail")).contains("more than " + maxRows + " rows");
    }

    @Test
    void onlyTheStaffImportsAndOnlyWhileDrafting() {
        String ex = d.createExchange("DRAFT-ROLES", 5, List.of(5));
        ResponseEntity<Map> r = src.post("neutral-party", ex, "family-appeals", "text/csv",
                "record_id,family_name,given_name,relative_contact\nF-1,Testenko,Ivan,+380440000001\n", false);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> unknown = src.post("coordination-staff", ex, "rumours", "text/csv", "a\n1\n", false);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(stored(ex)).isZero();
    }

    @Test
    void reImportingChangedRowsUpdatesOnlyThose() {
        String ex = d.createExchange("DRAFT-REIMPORT", 5, List.of(5));
        String header = "record_id,family_name,given_name,birth_date,relative_contact\n";
        String a = "F-1,Testenko,Ivan,1990-01-01,+380440000001\n";
        String b = "F-2,Pryklad,Petro,1991-01-01,+380440000002\n";
        Map<String, Object> first = src.post("coordination-staff", ex, "family-appeals", "text/csv", header + a + b, false)
                .getBody();
        assertThat(first).containsEntry("created", 2);
        Map<String, Object> same = src.post("coordination-staff", ex, "family-appeals", "text/csv", header + a + b, false)
                .getBody();
        assertThat(same).containsEntry("alreadyImported", true).containsEntry("created", 0).containsEntry("updated", 0);
        Map<String, Object> changed = src.post("coordination-staff", ex, "family-appeals", "text/csv",
                header + a + b.replace("1991-01-01", "1991-02-01"), false).getBody();
        assertThat(changed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 1);
        assertThat(jdbc.sql("select count(*) from source_record where exchange_id = ?")
                .param(java.util.UUID.fromString(ex)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aLargeFileReImportedFindsItsEarlierRowsAcrossTheLookupsChunks() {
        // the earlier rows are looked up 10,000 references at a time: a change beyond the first chunk is seen
        String ex = d.createExchange("DRAFT-REIMPORT-LARGE", 5, List.of(5));
        String header = "record_id,family_name,given_name,birth_date,relative_contact\n";
        StringBuilder rows = new StringBuilder(header);
        for (int i = 0; i < 10_050; i++) {
            rows.append("F-").append(i).append(",Testenko,Ivan,1990-01-01,+38044").append(1_000_000 + i).append('\n');
        }
        assertThat(src.post("coordination-staff", ex, "family-appeals", "text/csv", rows.toString(), false).getBody())
                .containsEntry("created", 10_050);
        String again = rows.toString().replace("F-10020,Testenko,Ivan,1990-01-01", "F-10020,Testenko,Ivan,1990-02-01")
                + "F-10050,Pryklad,Petro,1991-01-01,+380440000002\n";
        assertThat(src.post("coordination-staff", ex, "family-appeals", "text/csv", again, false).getBody())
                .containsEntry("created", 1).containsEntry("updated", 1).containsEntry("unchanged", 10_049);
    }

    @Test
    void aSemicolonOrTabSeparatedExportIsReadLikeCsv() {
        String ex = d.createExchange("DRAFT-SEPARATORS", 5, List.of(5));
        // Excel in a Ukrainian locale: semicolons, a comma inside a value, Windows line ends
        Map<String, Object> semi = src.post("coordination-staff", ex, "military-records", "text/csv",
                "record_id;service_number;family_name;given_name;birth_date;unit\r\n"
                        + "M-1;UA3000001;Testenko;Ivan;1990-01-01;Brigade 1, company 2\r\n"
                        + "M-2;UA3000002;Pryklad;Petro;14.03.1991;\r\n", false).getBody();
        assertThat(semi).containsEntry("rows", 2).containsEntry("created", 2).containsEntry("rejected", 0);
        assertThat(jdbc.sql("select unit_name from source_record where exchange_id = ? and source_ref = 'M-1'")
                .param(java.util.UUID.fromString(ex)).query(String.class).single()).isEqualTo("Brigade 1, company 2");
        Map<String, Object> tabs = src.post("coordination-staff", ex, "family-appeals", "text/csv",
                "record_id\tfamily_name\tgiven_name\trelative_contact\nF-1\tTestenko\tIvan\t(044) 277-14-58\n", false)
                .getBody();
        assertThat(tabs).containsEntry("rows", 1).containsEntry("created", 1).containsEntry("rejected", 0);
        // a spreadsheet's header as typed, a separator left at the end of each line
        Map<String, Object> typed = src.post("coordination-staff", ex, "intelligence-assessments", "text/csv",
                "Record ID;Family Name;GIVEN_NAME;Birth-Date;\nI-1;Testenko;Ivan;1990-01-01;\nI-2;Pryklad;Petro;;extra\n", false)
                .getBody();
        assertThat(typed).containsEntry("rows", 2).containsEntry("created", 1).containsEntry("rejected", 1);
        assertThat((List<Map<String, Object>>) typed.get("rejections")).singleElement()
                .satisfies(x -> assertThat(x).containsEntry("row", 2).containsEntry("field", "column 5 (no name in the header line)"));
        org.springframework.http.ResponseEntity<Map> twice = src.post("coordination-staff", ex, "family-appeals", "text/csv",
                "record_id,Family Name,family_name,given_name\nF-9,Testenko,Testenko,Ivan\n", false);
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat(twice.getBody()).containsEntry("field", "family_name");
    }

    @Test
    void anExcelCsvInWindows1251IsReadAndLatinOneRefused() {
        String ex = d.createExchange("DRAFT-CP1251", 5, List.of(5));
        java.nio.charset.Charset cp1251 = java.nio.charset.Charset.forName("windows-1251");
        Map<String, Object> read = src.post("coordination-staff", ex, "family-appeals", "text/csv",
                ("record_id;family_name;given_name;patronymic;relative_contact\r\n"
                        + "F-1;Григор’єв;В’ячеслав;Іванович;(044) 277-14-58\r\n").getBytes(cp1251), false).getBody();
        assertThat(read).containsEntry("created", 1).containsEntry("rejected", 0).containsEntry("format", "csv/cp1251");
        assertThat(jdbc.sql("select family_name || ' ' || given_name || ' ' || patronymic from source_record "
                + "where exchange_id = ?").param(java.util.UUID.fromString(ex)).query(String.class).single())
                .isEqualTo("Григор’єв В’ячеслав Іванович");
        org.springframework.http.ResponseEntity<Map> latin1 = src.post("coordination-staff", ex, "military-records",
                "text/csv", "record_id,service_number,family_name,given_name\nM-1,UA1,Müller,Jürgen\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false);
        assertThat(latin1.getStatusCode().value()).isEqualTo(400);
        assertThat(latin1.getBody()).containsEntry("field", "file");
        assertThat((String) latin1.getBody().get("detail")).contains("neither UTF-8 text nor Cyrillic text in Windows-1251");
        assertThat(jdbc.sql("select count(*) from source_record where exchange_id = ?").param(java.util.UUID.fromString(ex))
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void officeExportsAreReadAsSavedAndAWrongContentTypeNamesWhatIsAccepted() {
        String ex = d.createExchange("DRAFT-OFFICE", 5, List.of(5));
        // Excel's "Unicode Text": UTF-16 with a byte order mark, tab-separated, sent as Windows types a .csv
        byte[] text = "record_id\tservice_number\tfamily_name\tgiven_name\r\nM-1\tКН 111224\tВигаданенко\tПетро\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] unicode = new byte[text.length + 2];
        unicode[0] = (byte) 0xff;
        unicode[1] = (byte) 0xfe;
        System.arraycopy(text, 0, unicode, 2, text.length);
        Map<String, Object> u = src.post("coordination-staff", ex, "military-records", "application/vnd.ms-excel",
                unicode, false).getBody();
        assertThat(u).containsEntry("created", 1).containsEntry("rejected", 0).containsEntry("format", "csv/utf-16");
        // Excel's "sep=;" line before the header, and a cell typed on two lines (Alt+Enter), sent as text/plain
        Map<String, Object> sep = src.post("coordination-staff", ex, "military-records", "text/plain",
                "sep=;\r\nrecord_id;service_number;family_name;given_name;unit\r\n"
                        + "M-2;КН 111225;Вигаданенко;Остап;\"3rd brigade\r\n2nd company\"\r\n", false).getBody();
        assertThat(sep).containsEntry("created", 1).containsEntry("rejected", 0);
        assertThat(jdbc.sql("select unit_name from source_record where exchange_id = ? and source_ref = 'M-2'")
                .param(java.util.UUID.fromString(ex)).query(String.class).single()).isEqualTo("3rd brigade 2nd company");
        // a column the source does not have (a spreadsheet's notes, say): its values are dropped, the rows kept,
        // the report says so once (row 0, the header line); a JSON file from a program is held to the contract
        ResponseEntity<Map> notes = src.post("coordination-staff", ex, "family-appeals", "text/csv",
                "record_id,family_name,given_name,relative_contact,Примітка\nF-1,Testenko,Ivan,+380440000001,x\n", false);
        assertThat(notes.getStatusCode().value()).isEqualTo(200);
        assertThat(notes.getBody()).containsEntry("created", 1).containsEntry("rejected", 0);
        assertThat((List<Map<String, Object>>) notes.getBody().get("warnings")).first()
                .satisfies(x -> assertThat(x).containsEntry("row", 0).containsEntry("field", "примітка"));
        // JSON with the field names /candidates uses (camelCase)
        Map<String, Object> camel = src.post("coordination-staff", ex, "family-appeals", "application/json",
                "{\"records\": [{\"recordId\": \"F-7\", \"familyName\": \"Вигаданенко\", \"givenName\": \"Марія\", "
                        + "\"relativeContact\": \"+380441234567\", \"dateLastSeen\": \"2024-01-10\"}]}", false).getBody();
        assertThat(camel).containsEntry("created", 1).containsEntry("rejected", 0);
        Map<String, Object> both = src.post("coordination-staff", ex, "family-appeals", "application/json",
                "[{\"record_id\": \"F-8\", \"family_name\": \"Вигаданенко\", \"familyName\": \"Інший\", "
                        + "\"given_name\": \"Марія\", \"relative_contact\": \"+380441234567\"}]", false).getBody();
        assertThat((List<Map<String, Object>>) both.get("rejections")).singleElement().satisfies(x -> assertThat(x)
                .containsEntry("field", "familyName").containsEntry("reason",
                        "names a field given already in this record (family_name and familyName)"));
        // a script's octet-stream: JSON by its first character
        Map<String, Object> json = src.post("coordination-staff", ex, "intelligence-assessments",
                "application/octet-stream", "[{\"record_id\": \"I-1\", \"family_name\": \"Вигаданенко\", "
                        + "\"given_name\": \"Іван\"}]", false).getBody();
        assertThat(json).containsEntry("created", 1).containsEntry("format", "json");
        // what is not a file type at all: a problem document naming the header and the accepted types
        ResponseEntity<Map> xml = src.post("coordination-staff", ex, "intelligence-assessments", "application/xml",
                "<records/>", false);
        assertThat(xml.getStatusCode().value()).isEqualTo(415);
        assertThat(xml.getBody()).containsEntry("field", "Content-Type").containsEntry("status", 415);
        assertThat((String) xml.getBody().get("detail")).contains("application/xml").contains("text/csv");
        assertThat(jdbc.sql("select count(*) from source_record where exchange_id = ?").param(java.util.UUID.fromString(ex))
                .query(Integer.class).single()).isEqualTo(5);
    }
}
