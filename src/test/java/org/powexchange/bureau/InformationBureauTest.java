package org.powexchange.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.board.BoardTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The information bureau's record (GC III art. 122–123) after a phase has crossed. */
@AlsoOnPostgres
class InformationBureauTest extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void onePerPersonWithTheirEventsAsJsonAndAsASafeCsv() {
        String ex = BoardTest.exchangeInFirstPhase(d, "BUREAU-1", this::runJobs);
        d.readyAndGo(ex);
        long testenko = d.personId(ex, "H-1");
        long pryklad = d.personId(ex, "H-2");
        long fiktivov = d.personId(ex, "R-1");
        List<Long> phase1Home = d.people(ex, "SCHEDULED").stream()
                .filter(p -> "BRING_HOME".equals(p.get("side")) && Integer.valueOf(1).equals(p.get("phaseNo")))
                .map(p -> ((Number) p.get("personId")).longValue()).toList();
        List<Long> phase1Release = d.people(ex, "SCHEDULED").stream()
                .filter(p -> "RELEASE".equals(p.get("side")) && Integer.valueOf(1).equals(p.get("phaseNo")))
                .map(p -> ((Number) p.get("personId")).longValue()).toList();
        d.crossing(ex, 1, phase1Home, phase1Release);

        Map<String, Object> report = d.get("neutral-party", "/api/exchanges/" + ex + "/information-bureau");
        assertThat(report).containsEntry("agreementRef", "BUREAU-1");
        List<Map<String, Object>> people = (List<Map<String, Object>>) report.get("people");
        assertThat(people).hasSize(5);
        Map<String, Object> crossedHome = people.stream().filter(p -> phase1Home.contains(
                ((Number) p.get("personId")).longValue())).filter(p -> !p.get("personId").equals((int) pryklad))
                .findFirst().orElseThrow();
        assertThat(crossedHome).containsKeys(BureauReport.COLUMNS.toArray(String[]::new))
                .containsEntry("side", "BRING_HOME").containsEntry("phase", 1).containsEntry("verificationOutcome", "VERIFIED")
                .containsEntry("heldBack", false);
        assertThat(crossedHome.get("crossedAt")).isNotNull();
        assertThat((List<Map<String, Object>>) crossedHome.get("events")).extracting(e -> e.get("event"))
                .containsSubsequence("LISTED", "VERIFIED", "CROSSED");
        Map<String, Object> art109 = people.stream().filter(p -> p.get("personId").equals((int) pryklad)).findFirst()
                .orElseThrow();
        assertThat((String) art109.get("category")).contains("art. 109");
        assertThat(people).anySatisfy(p -> assertThat(p).containsEntry("personId", (int) testenko)
                .containsEntry("familyName", "Testenko").containsEntry("givenNames", "Ivan"));

        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<byte[]> csv = as("staff", "demo-staff-pw").exchange("/api/exchanges/" + ex + "/information-bureau",
                HttpMethod.GET, new HttpEntity<>(accept), byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        byte[] body = csv.getBody();
        assertThat(Arrays.copyOf(body, 3)).isEqualTo(BureauCsv.BOM);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("personId,familyName,givenNames,patronymic,birthDate,birthPlace,rank");
        String primerov = Arrays.stream(lines).filter(l -> l.contains(",Primerov,")).findFirst().orElseThrow();
        assertThat(primerov).contains(",MIL-42,");
        // no cell a spreadsheet would run as a formula (the escaping itself: BureauCsvTest)
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))) {
            for (var row : parser) {
                for (String cell : row) {
                    assertThat(cell).as("a CSV cell").doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@");
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(Arrays.stream(lines).filter(l -> l.startsWith(fiktivov + ",")).findFirst().orElseThrow())
                .contains("LISTED: to release");

        assertThat(as("defence", "demo-defence-pw").getForEntity("/api/exchanges/" + ex + "/information-bureau",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(d.list("coordination-staff", "/api/exchanges/" + ex + "/audit")).extracting(e -> e.get("action"))
                .contains("INFORMATION_BUREAU_EXPORTED");
    }
}
