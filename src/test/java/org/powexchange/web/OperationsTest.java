package org.powexchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.IntegrationTest;
import org.powexchange.it.PostgresTestDatabase;
import org.powexchange.it.Rest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operations: health (public status, details for administrators with the engine, job executor and
 * database), metrics for administrators, the OpenAPI description of /api for authenticated users,
 * no H2 console; and the schema (engine tables and Flyway's) on the database in use, PostgreSQL
 * in the PostgreSQL suite.
 */
@AlsoOnPostgres
class OperationsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void healthIsPublicButItsDetailsAreForAdministrators() {
        Rest.Answer pub = Rest.call(base(), null, "GET", "/actuator/health", null);
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.body().get("status").asText()).isEqualTo("UP");
        assertThat(pub.body().has("components")).as("no details in public: " + pub.raw()).isFalse();

        assertThat(Rest.call(base(), null, "GET", "/actuator/health/details", null).status()).isEqualTo(401);
        assertThat(Rest.call(base(), "coordination-staff", "GET", "/actuator/health/details", null).status()).isEqualTo(403);
        Rest.Answer details = Rest.call(base(), "admin:demo-admin-pw", "GET", "/actuator/health/details", null);
        assertThat(details.status()).as(details.raw()).isEqualTo(200);
        assertThat(details.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(details.body().at("/components/processEngine/status").asText()).isEqualTo("UP");
        assertThat(details.body().at("/components/processEngine/details/name").asText()).isEqualTo("default");
        // jobExecutor is reported too where the job executor runs (not in tests, where it is off)
    }

    @Test
    void metricsAreForAdministrators() {
        assertThat(Rest.call(base(), null, "GET", "/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(Rest.call(base(), "defence", "GET", "/actuator/metrics", null).status()).isEqualTo(403);
        Rest.Answer m = Rest.call(base(), "admin:demo-admin-pw", "GET", "/actuator/metrics/jvm.memory.used", null);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body().at("/measurements/0/value").asDouble()).isPositive();
        assertThat(Rest.call(base(), null, "GET", "/actuator/env", null).status()).isEqualTo(401);
        assertThat(Rest.call(base(), "admin:demo-admin-pw", "GET", "/actuator/env", null).status()).as("env not exposed").isEqualTo(404);
    }

    @Test
    void openApiDescribesTheApiForAuthenticatedUsers() {
        assertThat(Rest.call(base(), null, "GET", "/v3/api-docs", null).status()).isEqualTo(401);
        Rest.Answer doc = Rest.call(base(), "defence", "GET", "/v3/api-docs", null);
        assertThat(doc.status()).as(doc.raw()).isEqualTo(200);
        assertThat(doc.body().get("openapi").asText()).startsWith("3.");
        assertThat(doc.body().get("paths").has("/api/exchanges")).isTrue();
        assertThat(doc.body().get("paths").has("/api/exchanges/{id}/verification-results")).isTrue();
        // /api and the board's data (/board/api, documented since ApiDocs describes it), nothing of the engine
        doc.body().get("paths").fieldNames().forEachRemaining(p -> assertThat(p).matches("/(board/)?api/.*"));
    }

    @Test
    void theH2ConsoleIsNeverExposed() {
        for (String path : new String[] {"/h2-console", "/h2-console/", "/h2-console/login.do"}) {
            int s = Rest.call(base(), "admin:demo-admin-pw", "GET", path, null).status();
            assertThat(s).as(path).isIn(404, 401);
        }
    }

    @Test
    void engineAndFlywayTablesAreOnTheDatabase() throws Exception {
        String product;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            product = md.getDatabaseProductName();
            if (PostgresTestDatabase.active()) {
                assertThat(product).isEqualTo("PostgreSQL");
                assertThat(md.getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
                assertThat(md.getURL()).contains("/powx_test_");
            }
        }
        assertThat(jdbc.sql("select count(*) from act_ge_property where name_ in ('schema.version', 'historyLevel')")
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from \"pow_schema_history\" where \"success\" = false").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from \"pow_schema_history\" where \"version\" = '1'").query(Long.class).single()).isEqualTo(1L);
        for (String table : new String[] {"exchange", "person", "list_entry", "phase", "audit_event", "act_ru_job", "act_hi_procinst"}) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isNotNegative();
        }
        System.out.println("SCHEMA on " + product + ": engine tables and Flyway migrations present");
    }

    /** The neutral party's external task client long-polls; a poll that finds nothing answers an empty list. */
    @Test
    void aLongPollThatFindsNoTaskAnswersAnEmptyList() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String poll = "{\"workerId\":\"ops-test\",\"maxTasks\":1,\"asyncResponseTimeout\":500,"
                + "\"topics\":[{\"topicName\":\"neutral-verification\",\"lockDuration\":1000,"
                + "\"businessKey\":\"no-such-exchange\",\"variables\":[\"exchangeId\"]}]}"; // its own topic: nothing to fetch
        var answer = as("icrc", "demo-icrc-pw").postForEntity("/engine-rest/external-task/fetchAndLock",
                new org.springframework.http.HttpEntity<>(poll, h), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).as("body of an empty long poll").isEqualTo("[]");
    }
}
