package org.powexchange.verification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.topic.TopicSubscription;
import org.powexchange.exchange.ExchangeProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neutral party's side, built only on public interfaces: Camunda's official external task client
 * fetches the verification request from {@code /engine-rest}, the identity data of the people to
 * verify is read from {@code /api/exchanges/{id}/verification-requests}, and the results go back with
 * the completion of the external task. Who is verified how is up to the {@link Assessor}: the demo
 * simulates, a test decides.
 */
public class NeutralPartyWorker implements ExternalTaskHandler {

    /** The neutral party's finding for one person of the request (identity data, as /api gives it). */
    @FunctionalInterface
    public interface Assessor {
        RecordVerificationResultsDelegate.WireResult assess(Map<String, Object> person);
    }

    private static final Logger log = LoggerFactory.getLogger(NeutralPartyWorker.class);
    private static final ObjectMapper JSON = RecordVerificationResultsDelegate.JSON;

    private final String appBaseUrl;
    private final String authorization;
    private final Assessor assessor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public NeutralPartyWorker(String appBaseUrl, String user, String password, Assessor assessor) {
        this.appBaseUrl = appBaseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.assessor = assessor;
    }

    /** Starts the official client against {@code appBaseUrl + "/engine-rest"}, subscribed to the verification topic. */
    public static Subscription start(String appBaseUrl, String user, String password, String workerId,
                                     Duration lock, Assessor assessor) {
        return start(appBaseUrl, user, password, workerId, lock, null, assessor);
    }

    /** As above, limited to the verification of one exchange when {@code exchangeId} is given. */
    public static Subscription start(String appBaseUrl, String user, String password, String workerId,
                                     Duration lock, String exchangeId, Assessor assessor) {
        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl(appBaseUrl + "/engine-rest")
                .workerId(workerId)
                .addInterceptor(new BasicAuthProvider(user, password))
                .asyncResponseTimeout(5_000)
                .maxTasks(5)
                .lockDuration(lock.toMillis())
                .build();
        var builder = client.subscribe(VerificationProcess.TOPIC)
                .variables(ExchangeProcess.VAR_EXCHANGE_ID, VerificationProcess.VAR_ROUND)
                .handler(new NeutralPartyWorker(appBaseUrl, user, password, assessor));
        if (exchangeId != null) {
            builder.businessKey(exchangeId);
        }
        TopicSubscription sub = builder.open();
        return new Subscription(client, sub);
    }

    /** A running client; {@link #stop()} ends it. */
    public record Subscription(ExternalTaskClient client, TopicSubscription subscription) {
        public void stop() {
            subscription.close();
            client.stop();
        }
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        String exchangeId = task.getVariable(ExchangeProcess.VAR_EXCHANGE_ID);
        try {
            List<Map<String, Object>> people = awaiting(exchangeId);
            List<RecordVerificationResultsDelegate.WireResult> results = new ArrayList<>();
            for (Map<String, Object> p : people) {
                if (!Boolean.TRUE.equals(p.get("hasResult"))) {
                    results.add(assessor.assess(p));
                }
            }
            service.complete(task, Map.of(VerificationProcess.VAR_RESULTS, JSON.writeValueAsString(results)));
            log.info("neutral party: {} results for exchange {}", results.size(), exchangeId);
        } catch (Exception e) {
            int retries = task.getRetries() == null ? 3 : task.getRetries() - 1;
            log.warn("neutral party: verification of exchange {} failed ({} retries left): {}", exchangeId,
                    Math.max(retries, 0), e.getMessage());
            service.handleFailure(task, "verification failed: " + e.getMessage(), null, Math.max(retries, 0), 30_000);
        }
    }

    private List<Map<String, Object>> awaiting(String exchangeId) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(appBaseUrl + "/api/exchanges/" + exchangeId
                        + "/verification-requests"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GET verification-requests answered " + res.statusCode());
        }
        return JSON.readValue(res.body(), new TypeReference<List<Map<String, Object>>>() { });
    }
}
