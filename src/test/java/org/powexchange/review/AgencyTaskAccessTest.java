package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each agency's user, logged in through the engine REST API, sees and completes its own review only. */
class AgencyTaskAccessTest extends IntegrationTest {

    @Test
    void eachAgencySeesAndCompletesItsOwnReviewOnly() {
        ExchangeDriver d = new ExchangeDriver(http, tasks, null);
        String ex = d.createExchange("REVIEW-ACCESS-1", 1, List.of(1));
        String review = runtime.startProcessInstanceByKey("interagency-review", ex, Map.of("exchangeId", ex)).getId();
        d.settle(ex); // opening the round (routing, the agencies' forms) is an asynchronous step

        // the Staff sees none of the agency reviews (until one is overdue)
        assertThat(taskKeys(d, "coordination-staff", review)).isEmpty();

        ExchangeDriver.REVIEW_TASKS.forEach((agency, key) -> {
            List<Map<String, Object>> mine = taskList(d, agency, review);
            assertThat(mine).as(agency + " sees").extracting(t -> t.get("taskDefinitionKey")).containsExactly(key);
            String own = (String) mine.get(0).get("id");

            // another agency's task: invisible and not completable
            String otherKey = ExchangeDriver.REVIEW_TASKS.values().stream().filter(k -> !k.equals(key)).findFirst()
                    .orElseThrow();
            var other = tasks.createTaskQuery().processInstanceId(review).taskDefinitionKey(otherKey).singleResult();
            if (other != null) {
                assertThat(d.as(agency).getForEntity("/engine-rest/task/" + other.getId(), Map.class)
                        .getStatusCode().value()).as(agency + " reads " + otherKey).isIn(403, 404);
                assertThat(post(d, agency, "/engine-rest/task/" + other.getId() + "/complete", completion())
                        .getStatusCode().value()).as(agency + " completes " + otherKey).isIn(403, 404);
            }

            assertThat(post(d, agency, "/engine-rest/task/" + own + "/claim",
                    Map.of("userId", ExchangeDriver.userOf(agency))).getStatusCode().value()).isEqualTo(204);
            ResponseEntity<String> done = post(d, agency, "/engine-rest/task/" + own + "/complete", completion());
            assertThat(done.getStatusCode().value()).as(agency + " completes its own: " + done.getBody()).isEqualTo(204);
        });
        runJobs(ex);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review).count()).isZero();
        List<Map<String, Object>> reviews = d.list("coordination-staff", "/api/exchanges/" + ex + "/reviews");
        assertThat(reviews).extracting(r -> r.get("agency") + "/" + r.get("reviewer")).containsExactlyInAnyOrder(
                "defence/defence", "military-intelligence/hur", "security-service/sbu", "foreign-intelligence/szru",
                "interior/interior", "ombudsman/ombudsman");
    }

    private static Map<String, Object> completion() {
        return Map.of("variables", Map.of("objections", Map.of("value", "[]", "type", "Json")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> taskList(ExchangeDriver d, String group, String review) {
        ResponseEntity<List> r = d.as(group).getForEntity("/engine-rest/task?processInstanceId=" + review, List.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    private List<Object> taskKeys(ExchangeDriver d, String group, String review) {
        return taskList(d, group, review).stream().map(t -> t.get("taskDefinitionKey")).toList();
    }

    private static ResponseEntity<String> post(ExchangeDriver d, String group, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return d.as(group).exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }
}
