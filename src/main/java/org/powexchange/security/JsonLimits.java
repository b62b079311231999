package org.powexchange.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on JSON as it is read, the same for every parser of request bodies (the edge's checks and
 * Spring MVC's): nesting depth, string and number length, and duplicate keys refused (no "last wins").
 */
@Configuration
public class JsonLimits {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING = 1_000_000;
    public static final int MAX_NUMBER = 50;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build();

    /** A strict parser: bounded, and duplicate keys are an error. */
    public static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** Parses under the bounds; the exception's message says what was wrong (no class names). */
    public static JsonNode parse(byte[] body) throws Invalid {
        try {
            return STRICT.readTree(body);
        } catch (IOException e) {
            throw new Invalid(reason(e));
        }
    }

    public static JsonNode parse(String text) throws Invalid {
        try {
            return STRICT.readTree(text);
        } catch (IOException e) {
            throw new Invalid(reason(e));
        }
    }

    static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Duplicate field")) {
            return "a JSON object has the same key twice";
        }
        if (m.contains("nesting depth")) {
            return "JSON nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("String value length")) {
            return "a JSON string is longer than " + MAX_STRING + " characters";
        }
        if (m.contains("Number value length")) {
            return "a JSON number is longer than " + MAX_NUMBER + " digits";
        }
        return "not valid JSON";
    }

    /** A JSON text outside the bounds or malformed. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Spring MVC's ObjectMapper (/api) reads under the same bounds. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJson() {
        return b -> b.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(m -> m.getFactory().setStreamReadConstraints(CONSTRAINTS));
    }
}
