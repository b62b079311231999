package org.powexchange.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

@UnitTest
class BureauCsvTest {

    @Test
    void noCellIsRunAsAFormula() {
        assertThat(BureauCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(BureauCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(BureauCsv.cell("-42")).isEqualTo("\"'-42\"");
        assertThat(BureauCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(BureauCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(BureauCsv.cell("Тестенко")).isEqualTo("Тестенко");
        assertThat(BureauCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(BureauCsv.cell(null)).isEmpty();
    }

    @Test
    void utf8WithByteOrderMarkHeaderFirstOneLinePerPerson() {
        BureauReport.Row row = new BureauReport.Row(7, "Тестенко", "Іван", null, LocalDate.of(1980, 2, 3), null, "sergeant",
                "=1+1", "BRING_HOME", "our side", "MILITARY", null, "near \"X\", invented", null, "VERIFIED", null, 1,
                OffsetDateTime.parse("2026-11-28T10:00:00Z"), null, "REPATRIATED", false, null, null,
                List.of(new BureauReport.Event(OffsetDateTime.parse("2026-11-28T10:00:00Z"), "CROSSED", "phase 1")));
        byte[] csv = BureauCsv.write(new BureauReport("e", "REF", OffsetDateTime.now(), List.of(row)));
        assertThat(Arrays.copyOf(csv, 3)).isEqualTo(BureauCsv.BOM);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(",")).containsExactlyElementsOf(BureauReport.COLUMNS);
        assertThat(lines[1]).startsWith("7,Тестенко,Іван,,1980-02-03,,sergeant,\"'=1+1\",BRING_HOME,")
                .contains("\"near \"\"X\"\", invented\"")
                .endsWith(",REPATRIATED,false,,,2026-11-28T10:00Z CROSSED: phase 1");
    }
}
