package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** 401 without credentials, 409 on a duplicate agreement, 400 naming the field, and agency isolation. */
class RestSecurityTest extends IntegrationTest {

    @Test
    void apiAndEngineRestRequireAuthentication() {
        for (String path : List.of("/api/exchanges", "/engine-rest/task", "/engine-rest/process-instance",
                "/engine-rest/user")) {
            ResponseEntity<String> r = http.getForEntity(path, String.class);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(401);
        }
        ResponseEntity<String> wrong = http.withBasicAuth("no-such-user", "not-the-password")
                .getForEntity("/api/exchanges", String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getContentType().toString()).contains("problem+json");
    }

    @Test
    void aSecondExchangeWithTheSameAgreementIsAConflict() {
        d.createExchange("REST-409", 2, List.of(2));
        Map<String, Object> problem = d.post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", "REST-409", "formulaSize", 2, "phaseSizes", List.of(2)), 409);
        assertThat(problem).containsEntry("field", "agreementRef").containsEntry("status", 409);
        assertThat(d.list("coordination-staff", "/api/exchanges?limit=500"))
                .filteredOn(e -> "REST-409".equals(e.get("agreementRef"))).hasSize(1);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertThat(d.post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", "REST-400", "formulaSize", "many", "phaseSizes", List.of(1)), 400))
                .containsEntry("field", "formulaSize");
        assertThat(d.post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", "${7*7}", "formulaSize", 1, "phaseSizes", List.of(1)), 400))
                .containsEntry("field", "agreementRef");
        assertThat(d.post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", "REST-400", "formulaSize", 3, "phaseSizes", List.of(1, 1)), 400))
                .containsEntry("field", "phaseSizes");
        assertThat(d.post("coordination-staff", "/api/exchanges",
                Map.of("agreementRef", "REST-400", "formulaSize", 1, "phaseSizes", List.of(1), "extra", 1), 400))
                .containsEntry("field", "extra");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> broken = d.as("coordination-staff").exchange("/api/exchanges", HttpMethod.POST,
                new HttpEntity<>("{\"agreementRef\":", h), Map.class);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getBody()).containsEntry("field", "body");
        // nothing was created by any of these
        assertThat(d.list("coordination-staff", "/api/exchanges?limit=500"))
                .noneMatch(e -> "REST-400".equals(e.get("agreementRef")));
        // an agency may not create exchanges
        d.post("defence", "/api/exchanges", Map.of("agreementRef", "REST-403", "formulaSize", 1,
                "phaseSizes", List.of(1)), 403);
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405WithTheMethodsTheCallerMayUse() {
        String path = "/api/exchanges/" + java.util.UUID.randomUUID() + "/sources/military-records";
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.valueOf("text/csv"));
        ResponseEntity<Map> put = d.as("coordination-staff").exchange(path, HttpMethod.PUT, new HttpEntity<>("x", h), Map.class);
        assertThat(put.getStatusCode().value()).isEqualTo(405);
        assertThat(put.getHeaders().getFirst("Allow")).isEqualTo("POST");
        assertThat(put.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat((String) put.getBody().get("detail")).contains("PUT").contains("POST");
        // a role that may not import hears nothing about who may
        ResponseEntity<Map> sbu = d.as("security-service").exchange(path, HttpMethod.PUT, new HttpEntity<>("x", h), Map.class);
        assertThat(sbu.getStatusCode().value()).isEqualTo(403);
        assertThat(sbu.getHeaders().getFirst("Allow")).isNull();
    }

    @Test
    void eachAgencySeesAndCompletesOnlyItsOwnReviewTask() {
        String ex = d.createExchange("REST-AGENCIES", 1, List.of(1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", List.of(
                ExchangeDriver.person("A-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
                ExchangeDriver.person("A-2", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null))), 200);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));

        ExchangeDriver.REVIEW_TASKS.forEach((agency, key) -> {
            List<Map<String, Object>> visible = d.list(agency, "/engine-rest/task?processInstanceBusinessKey=" + ex);
            assertThat(visible).as(agency + " sees only its own review").extracting(t -> t.get("taskDefinitionKey"))
                    .containsExactly(key);
        });
        // defence tries to complete the ombudsman's task: refused, and the task is still open
        String ombudsmanTask = d.task(ex, "Task_ReviewOmbudsman").getId();
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = d.as("defence").exchange("/engine-rest/task/" + ombudsmanTask + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}", h),
                String.class);
        assertThat(r.getStatusCode().value()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(ombudsmanTask).count()).isEqualTo(1);
        // the ombudsman completes it; an objection without a reason code is refused with 400 naming the field
        ResponseEntity<String> bad = d.as("ombudsman").exchange("/engine-rest/task/" + ombudsmanTask + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"objections\":{\"type\":\"Json\","
                        + "\"value\":\"[{\\\"personId\\\":\\\"1\\\",\\\"reason\\\":\\\"DISLIKE\\\"}]\"}}}", h),
                String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("objections");
        ResponseEntity<String> ok = d.as("ombudsman").exchange("/engine-rest/task/" + ombudsmanTask + "/complete",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"objections\":{\"value\":\"[]\",\"type\":\"Json\"}}}", h),
                String.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(204);
        // each agency has its own Tasklist filter and sees no other
        List<Map<String, Object>> filters = d.list("defence", "/engine-rest/filter");
        assertThat(filters).extracting(f -> f.get("name")).containsExactly("Ministry of Defence – tasks");
    }
}
