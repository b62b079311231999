package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.powexchange.IntegrationTest;

/**
 * Tasklist's own sign-in passes the edge: after it, the session's user (not a Basic header) is the caller
 * of Tasklist's engine API, and its capabilities are those of its role.
 */
class WebappSessionTest extends IntegrationTest {

    @Test
    void aTasklistSessionIsTheCallerOfTheWebappsEngineApi() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=staff&password=demo-staff-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> count = client.send(HttpRequest.newBuilder(URI.create(base
                + "/camunda/api/engine/engine/default/filter/count")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        // the session's role decides: the Staff has no job endpoint, in Tasklist's API either
        HttpResponse<String> jobs = client.send(HttpRequest.newBuilder(URI.create(base
                + "/camunda/api/engine/engine/default/job")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(403);
    }
}
