package org.powexchange.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The Staff's board: what it shows of a running exchange, the name search, and who is refused. */
@AlsoOnPostgres
public class BoardTest extends IntegrationTest {

    /** Drafted, reviewed, verified and ratified an hour ago: phase 1 waits for its logistics. */
    public static String exchangeInFirstPhase(ExchangeDriver d, String ref, java.util.function.Consumer<String> runJobs) {
        String ex = d.createExchange(ref, 2, List.of(1, 1));
        d.draftAndClearReview(ex, List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", true, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("H-3", "BRING_HOME", "Vigadana", "Olena", "CIVILIAN", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                withServiceNumber(ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null),
                        "MIL-42")), () -> runJobs.accept(ex));
        d.counterpartyListsMatchingOurs(ex, "CP-" + ref);
        d.verifyAll(ex, Map.of());
        d.post("coordination-staff", "/api/exchanges/" + ex + "/ratification", Map.of("documentRef", "RAT-" + ref,
                "signedAt", OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString()), 200);
        d.settle(ex);
        return ex;
    }

    /** A service number as the other side wrote it (this one starts like a spreadsheet formula). */
    static Map<String, Object> withServiceNumber(Map<String, Object> person, String serviceNumber) {
        person.put("serviceNumber", serviceNumber);
        return person;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> exchangeOnBoard(String user, String password, String ex) {
        ResponseEntity<Map> r = as(user, password).getForEntity("/board/api/snapshot", Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) r.getBody().get("exchanges")).stream()
                .filter(e -> ex.equals(e.get("id"))).findFirst().orElseThrow(() -> new AssertionError("not on the board"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaffSeesStageParityClockPeopleAndTasksPerAgencyWithOverdueMarks() {
        String ex = exchangeInFirstPhase(d, "BOARD-1", this::runJobs);
        runJobs(ex);

        Map<String, Object> board = exchangeOnBoard("staff", "demo-staff-pw", ex);
        assertThat(board).containsEntry("agreementRef", "BOARD-1").containsEntry("stage", "HANDOVER");
        Map<String, Object> phase1 = ((List<Map<String, Object>>) board.get("phases")).get(0);
        assertThat(phase1).containsEntry("phaseNo", 1).containsEntry("status", "IN_PROGRESS");
        OffsetDateTime due = OffsetDateTime.parse((String) phase1.get("dueAt"));
        OffsetDateTime warn = OffsetDateTime.parse((String) phase1.get("warnAt"));
        OffsetDateTime ratified = OffsetDateTime.parse((String) board.get("ratifiedAt"));
        assertThat(Duration.between(ratified, due)).isEqualTo(Duration.ofHours(48));
        assertThat(Duration.between(ratified, warn)).isEqualTo(Duration.ofHours(36));
        Map<String, Object> parity = (Map<String, Object>) phase1.get("parity");
        // one each side counts; the art. 109 person travels in phase 1 apart from the count
        assertThat(parity).containsEntry("scheduledBringHome", 1).containsEntry("scheduledRelease", 1)
                .containsEntry("scheduledArt109BringHome", 1).containsEntry("holds", true).containsEntry("final", false);
        Map<String, Map<String, Integer>> people = (Map<String, Map<String, Integer>>) board.get("people");
        assertThat(people.get("BRING_HOME")).containsEntry("SCHEDULED", 3);
        assertThat(people.get("RELEASE")).containsEntry("SCHEDULED", 2);

        List<Map<String, Object>> agencies = (List<Map<String, Object>>) board.get("tasks");
        assertThat(agencies).extracting(a -> a.get("agency")).containsExactlyInAnyOrder("interior", "defence");
        assertThat(agencies).allSatisfy(a -> assertThat(a).containsEntry("open", 1).containsEntry("overdue", 0));

        // a task past its due date is marked overdue for its agency
        String interiorTask = d.task(ex, "Task_LogisticsInterior").getId();
        tasks.setDueDate(interiorTask, Date.from(OffsetDateTime.now().minusMinutes(5).toInstant()));
        Map<String, Object> interior = ((List<Map<String, Object>>) exchangeOnBoard("admin", "demo-admin-pw", ex)
                .get("tasks")).stream().filter(a -> "interior".equals(a.get("agency"))).findFirst().orElseThrow();
        assertThat(interior).containsEntry("overdue", 1).containsEntry("agencyName", "Ministry of Internal Affairs");
        assertThat((List<Map<String, Object>>) interior.get("tasks")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("overdue", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonIsFoundByNameInEitherScript() {
        String ex = d.createExchange("BOARD-2", 1, List.of(1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("H-1", "BRING_HOME", "Шевчишин", "Остап", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("R-1", "RELEASE", "Obrazcov", "Dmitri", "MILITARY", false, null))), 200);
        runJobs(ex);

        List<Map<String, Object>> latin = as("staff", "demo-staff-pw")
                .getForObject("/board/api/people?name={n}", List.class, "shevchyshyn ostap");
        assertThat(latin).extracting(p -> p.get("familyName")).containsExactly("Шевчишин");
        assertThat(latin.get(0)).containsEntry("agreementRef", "BOARD-2").containsEntry("side", "BRING_HOME");
        List<Map<String, Object>> cyrillic = as("staff", "demo-staff-pw")
                .getForObject("/board/api/people?name={n}", List.class, "Образцов");
        assertThat(cyrillic).extracting(p -> p.get("familyName")).containsExactly("Obrazcov");
        assertThat(as("staff", "demo-staff-pw").getForObject("/board/api/people?name={n}", List.class, "Nobodyknown"))
                .isEmpty();

        ResponseEntity<Map> blank = as("staff", "demo-staff-pw").getForEntity("/board/api/people?name= ", Map.class);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody()).containsEntry("field", "name");
    }

    @Test
    void onlyTheStaffAndAdministratorsMaySeeTheBoard() throws Exception {
        assertThat(as("defence", "demo-defence-pw").getForEntity("/board/api/snapshot", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("icrc", "demo-icrc-pw").getForEntity("/board/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/board/api/snapshot", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // nobody signed in: the page sends the browser to Tasklist's sign-in (the JDK client follows no redirect)
        java.net.http.HttpResponse<String> anonymousPage = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/board")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousPage.statusCode()).isEqualTo(302);
        assertThat(anonymousPage.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/");
        ResponseEntity<String> page = as("staff", "demo-staff-pw").getForEntity("/board/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Exchange board</h1>");
        assertThat(as("admin", "demo-admin-pw").getForEntity("/board/api/access", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
