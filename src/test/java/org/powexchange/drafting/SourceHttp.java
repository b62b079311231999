package org.powexchange.drafting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.powexchange.ExchangeDriver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Posts source files to /api as an integrator would. */
public final class SourceHttp {

    private final ExchangeDriver d;

    SourceHttp(ExchangeDriver d) {
        this.d = d;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ResponseEntity<Map> post(String group, String exchangeId, String source, String contentType, String body,
                             boolean complete) {
        return post(group, exchangeId, source, contentType + ";charset=UTF-8", body.getBytes(StandardCharsets.UTF_8),
                complete);
    }

    /** The file's bytes as they are (another encoding than UTF-8, say). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    ResponseEntity<Map> post(String group, String exchangeId, String source, String contentType, byte[] body,
                             boolean complete) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(contentType));
        return d.as(group).exchange("/api/exchanges/" + exchangeId + "/sources/" + source + "?complete=" + complete,
                HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
    }
}
