package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Three small sources about invented people, with cross-source duplicates written in Ukrainian and
 * Russian Cyrillic and in Latin, a swapped day and month, one uncertain pair resolved by the drafter,
 * evidence of life of different kinds and ages, and the lists that follow.
 */
@AlsoOnPostgres
class ListDraftingScenarioTest extends IntegrationTest {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SourceHttp src;

    @BeforeEach
    void driver() {
        src = new SourceHttp(d);
    }

    static String daysAgo(int n) {
        return LocalDate.now().minusDays(n).toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeSourcesBecomeTheExpectedPeopleAndLists() {
        String ex = d.createExchange("DRAFT-SCENARIO-1", 2, List.of(2));
        ProcessInstance main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult();

        // the people we hold, already normalised, through the candidates endpoint (not yet complete)
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("complete", false, "records", List.of(
                ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null),
                ExchangeDriver.person("R-3", "RELEASE", "Obraztsov", "Dmitri", "MILITARY", false, null))), 200);

        String military = "record_id,service_number,family_name,given_name,birth_date,unit,rank,captured_on,captured_place\n"
                + "M-1,UA1000001,Коваленко,Олександр,1990-03-05,Brigade 1,Captain," + daysAgo(400) + ",Village A\n"
                + "M-2,UA1000002,Бондарчук,Андрій,1985-07-02,Brigade 1,Sergeant," + daysAgo(100) + ",Village B\n"
                + "M-3,UA1000003,Шевчишин,Тарас,1979-11-23,Brigade 2,Private," + daysAgo(200) + ",Village C\n";
        Map<String, Object> m = src.post("coordination-staff", ex, "military-records", "text/csv", military, false).getBody();
        assertThat(m).containsEntry("created", 3).containsEntry("rejected", 0);

        String intelligence = "{\"records\": ["
                + "{\"record_id\": \"I-1\", \"family_name\": \"Kovalenko\", \"given_name\": \"Aleksandr\", \"birth_date\": \"1990-05-03\","
                + " \"evidence_type\": \"NEUTRAL_REGISTRATION\", \"evidence_date\": \"" + daysAgo(30) + "\", \"strategic_flags\": \"INTELLIGENCE_ACCESS\"},"
                + "{\"record_id\": \"I-2\", \"family_name\": \"Бондарчук\", \"given_name\": \"Андрей\", \"service_number\": \"UA1000002\","
                + " \"evidence_type\": \"PHOTO_VIDEO\", \"evidence_date\": \"" + daysAgo(60) + "\", \"seriously_wounded_sick\": true},"
                + "{\"record_id\": \"I-3\", \"family_name\": \"Szewczyszyn\", \"given_name\": \"Taras\", \"birth_date\": \"1979-11-23\","
                + " \"evidence_type\": \"LETTER\", \"evidence_date\": \"" + daysAgo(20) + "\"},"
                + "{\"record_id\": \"I-4\", \"family_name\": \"Melnyk\", \"given_name\": \"Olena\", \"birth_date\": \"1962-01-01\","
                + " \"category\": \"CIVILIAN\", \"evidence_type\": \"INTERCEPT\", \"evidence_date\": \"" + daysAgo(10) + "\"},"
                + "{\"record_id\": \"I-5\", \"family_name\": \"Tkachuk\", \"given_name\": \"Iryna\", \"birth_date\": \"2008-04-04\","
                + " \"category\": \"CIVILIAN\", \"evidence_type\": \"NEUTRAL_REGISTRATION\", \"evidence_date\": \"" + daysAgo(100) + "\"},"
                + "{\"record_id\": \"I-6\", \"family_name\": \"Лисенко\", \"given_name\": \"Петро\", \"patronymic\": \"Іванович\", \"birth_date\": \"1970-02-02\","
                + " \"evidence_type\": \"DNA_REMAINS_MATCH\", \"evidence_date\": \"" + daysAgo(15) + "\"}]}";
        Map<String, Object> i = src.post("coordination-staff", ex, "intelligence-assessments", "application/json",
                intelligence, false).getBody();
        assertThat(i).containsEntry("created", 6).containsEntry("rejected", 0);

        String family = "record_id,family_name,given_name,birth_date,relative_contact,date_last_seen,dna_sample_ref,category\n"
                + "F-1,Коваленко,Олександр,05.03.1990,+380 44 000 0001," + daysAgo(410) + ",DNA-0001,MILITARY\n"
                + "F-2,Мельник,Олена,1962-01-01,relative@example.org," + daysAgo(300) + ",,CIVILIAN\n"
                + "F-3,Шевчишин,Тарас,1979-11-25,+380 44 000 0003,,DNA-0003,\n"
                + "F-4,Ткачук,Ірина,2008-04-04,+380 44 000 0004," + daysAgo(500) + ",,CIVILIAN\n";
        Map<String, Object> f = src.post("coordination-staff", ex, "family-appeals", "text/csv", family, true).getBody();
        assertThat(f).containsEntry("created", 4).containsEntry("rejected", 0).containsEntry("draftingResumed", true);

        // the uncertain pair: Шевчишин Тарас born 23 November (military) and 25 November (family appeal)
        ProcessInstance drafting = runtime.createProcessInstanceQuery().superProcessInstanceId(main.getId()).singleResult();
        // the import returned at once: cross-referencing runs as a job after it
        assertThat(drafting).isWaitingAt("Task_CrossReference");
        d.settle(ex);
        assertThat(drafting).isWaitingAt("Task_ResolveDuplicates");
        // a person founded by cross-referencing carries the patronymic its record gives
        assertThat(jdbc.sql("select p.patronymic from person p join record_link l on l.person_id = p.id "
                + "join source_record s on s.id = l.record_id "
                + "where s.source_ref = 'I-6' and p.exchange_id = ?").param(java.util.UUID.fromString(ex))
                .query(String.class).single()).isEqualTo("Іванович");
        Task resolve = d.task(ex, "Task_ResolveDuplicates");
        SpinJsonNode pairs = (SpinJsonNode) tasks.getVariable(resolve.getId(), "duplicatePairs");
        assertThat(pairs.elements()).hasSize(1);
        String label = pairs.elements().get(0).prop("label").stringValue();
        assertThat(label).contains("Шевчишин").contains("1979-11-23").contains("1979-11-25");

        // importing the same file again changes nothing
        ResponseEntity<Map> again = src.post("coordination-staff", ex, "military-records", "text/csv", military, false);
        assertThat(again.getBody()).containsEntry("alreadyImported", true).containsEntry("created", 0);

        d.submit("coordination-staff", resolve,
                Map.of("pairsToMerge", List.of(pairs.elements().get(0).prop("value").stringValue())));

        // the Staff's completion returned at once: compiling the lists runs as a job after it
        assertThat(drafting).isWaitingAt("Task_CompileLists");
        d.settle(ex);
        assertThat(drafting).isWaitingAt("Task_ConfirmLists");
        assertThat(runtime.getVariable(drafting.getId(), "bringHomeCount")).isEqualTo(3); // formula 2 + one art. 109
        assertThat(runtime.getVariable(drafting.getId(), "releaseCount")).isEqualTo(2);
        assertThat(runtime.getVariable(drafting.getId(), "art109Count")).isEqualTo(1);
        assertThat(runtime.getVariable(drafting.getId(), "flaggedCount")).isEqualTo(1);

        List<Map<String, Object>> people = d.list("coordination-staff", "/api/exchanges/" + ex + "/drafting/people");
        assertThat(people.stream().filter(p -> "BRING_HOME".equals(p.get("side")))).hasSize(6);

        // the drafter sees each person's patronymic beside the names
        assertThat(byName(people, "Лисенко")).containsEntry("patronymic", "Іванович");
        Map<String, Object> kovalenko = byName(people, "Коваленко");
        assertThat((List<String>) kovalenko.get("sources")).containsExactlyInAnyOrder("MIL:M-1", "INT:I-1", "FAM:F-1");
        assertThat(kovalenko).containsEntry("lifeStatus", "CONFIRMED_ALIVE").containsEntry("listStatus", "PROPOSED")
                .containsEntry("priorityCategory", "LONG_CAPTIVITY").containsEntry("reviewFlag", true)
                .containsEntry("reviewReason", "access to intelligence");
        assertThat((String) kovalenko.get("decisionInputs")).contains("captivityDays=410");

        Map<String, Object> bondarchuk = byName(people, "Бондарчук");
        assertThat((List<String>) bondarchuk.get("sources")).containsExactlyInAnyOrder("MIL:M-2", "INT:I-2");
        assertThat(bondarchuk).containsEntry("seriouslyWoundedSick", true).containsEntry("listStatus", "PROPOSED")
                .containsEntry("priorityCategory", "WOUNDED_OR_SICK").containsEntry("rank", 1);

        Map<String, Object> tkachuk = byName(people, "Tkachuk");
        assertThat((List<String>) tkachuk.get("sources")).containsExactlyInAnyOrder("INT:I-5", "FAM:F-4");
        assertThat(tkachuk).containsEntry("category", "CIVILIAN").containsEntry("listStatus", "PROPOSED")
                .containsEntry("priorityCategory", "CIVILIAN").containsEntry("rank", 2);

        Map<String, Object> shevchyshyn = byName(people, "Шевчишин");
        assertThat((List<String>) shevchyshyn.get("sources")).containsExactlyInAnyOrder("MIL:M-3", "INT:I-3", "FAM:F-3");
        assertThat(shevchyshyn).containsEntry("lifeStatus", "CONFIRMED_ALIVE").containsEntry("listStatus", "RESERVE")
                .containsEntry("priorityCategory", "OTHER");

        Map<String, Object> melnyk = byName(people, "Melnyk");
        assertThat((List<String>) melnyk.get("sources")).containsExactlyInAnyOrder("INT:I-4", "FAM:F-2");
        assertThat(melnyk).containsEntry("lifeStatus", "UNCONFIRMED").containsEntry("listStatus", "TRACKED");
        assertThat((String) melnyk.get("statusReason")).contains("would confirm");

        Map<String, Object> lysenko = byName(people, "Лисенко");
        assertThat(lysenko).containsEntry("lifeStatus", "DECEASED").containsEntry("listStatus", "TRACKED");

        assertThat(people.stream().filter(p -> "RELEASE".equals(p.get("side"))).map(p -> p.get("listStatus")).toList())
                .containsExactlyInAnyOrder("PROPOSED", "PROPOSED", "RESERVE");

        Task confirm = d.task(ex, "Task_ConfirmLists");
        // the form's tables: one JSON row per person, in rank order, then the reserve
        String bringHome = String.valueOf(tasks.getVariable(confirm.getId(), "bringHomeRows"));
        assertThat(bringHome).contains("\"rank\":\"1\",\"person\":\"Бондарчук").contains("\"rank\":\"2\",\"person\":\"Tkachuk")
                .contains("\"rank\":\"3\",\"person\":\"Коваленко").contains("\"list\":\"reserve\"");
        assertThat(bringHome.indexOf("Коваленко")).isLessThan(bringHome.indexOf("\"list\":\"reserve\""));
        assertThat(String.valueOf(tasks.getVariable(confirm.getId(), "flaggedRows"))).contains("Коваленко");
        assertThat(String.valueOf(tasks.getVariable(confirm.getId(), "uncertainRows"))).contains("Melnyk")
                .contains("would confirm");
        assertThat(String.valueOf(tasks.getVariable(confirm.getId(), "categoryRows")))
                .contains("{\"side\":\"to bring home\",\"group\":\"proposed – civilian\",\"count\":1}")
                .contains("{\"side\":\"to release\",\"group\":\"reserve\",\"count\":1}");

        d.complete("coordination-staff", confirm, Map.of("listsDecision", "CONFIRM"));
        assertThat(drafting).isEnded();
        runJobs(ex);
        assertThat(main).isWaitingAt("CallActivity_InteragencyReview");
    }

    static Map<String, Object> byName(List<Map<String, Object>> people, String family) {
        List<Map<String, Object>> found = people.stream().filter(p -> family.equals(p.get("familyName"))).toList();
        assertThat(found).as("person " + family).hasSize(1);
        return found.get(0);
    }
}
