package org.powexchange.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * The refusals of {@code /api} ({@link ApiProblems}) are the same for every operation, so they are
 * documented once here: each operation gets the problem-document responses with the ProblemDetail schema.
 * The board's data ({@code /board/api}, read by the board page) is documented too, with its own two refusals.
 */
@Configuration
public class ApiDocs {

    static final String PROBLEM = "ProblemDetail";
    static final Map<String, String> REFUSALS = refusals();
    static final String BOARD = "/board/api/";
    static final Map<String, String> BOARD_REFUSALS = Map.of(
            "400", "Bad input: a problem document naming the field at fault",
            "403", "Only the Coordination Staff and administrators see the board");

    private static Map<String, String> refusals() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("400", "Bad input: a problem document naming the field at fault");
        m.put("403", "The caller's group may not do this");
        m.put("404", "No such exchange, phase or person");
        m.put("409", "Not possible at this stage of the exchange");
        m.put("413", "The body is larger than the configured limit");
        return m;
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = ModelConverters.getInstance()
                    .readAll(new AnnotatedType(ProblemDetail.class).resolveAsRef(false));
            schemas.forEach(api.getComponents()::addSchemas);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                // springdoc lists the advice's handlers without a status (as 200 or default): the refusals replace them
                responses.entrySet().removeIf(r -> r.getValue().getContent() != null
                        && r.getValue().getContent().values().stream().anyMatch(ApiDocs::isProblem));
                (path.startsWith(BOARD) ? BOARD_REFUSALS : REFUSALS).forEach((code, description) -> responses.addApiResponse(code, new ApiResponse()
                        .description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
                op.setResponses(responses);
            }));
        };
    }

    private static boolean isProblem(MediaType m) {
        return m.getSchema() != null && m.getSchema().get$ref() != null && m.getSchema().get$ref().endsWith("/" + PROBLEM);
    }
}
