package org.powexchange.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, plus one mapping: a task completion refused by
 * our server-side form validation (thrown inside a task listener, which the engine wraps) answers
 * 400 naming the field, not 500.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        super.registerAdditionalResources();
        register(FormValidationMapper.class);
        register(WrappedFormValidationMapper.class);
    }

    /** Task completion wraps engine exceptions in a RestException (500) before any mapper sees them. */
    @Priority(1)
    public static class WrappedFormValidationMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler fallback = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            Response refused = FormValidationMapper.refusal(e);
            return refused != null ? refused : fallback.toResponse(e);
        }
    }

    @Priority(1)
    public static class FormValidationMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler fallback = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            Response refused = refusal(e);
            return refused != null ? refused : fallback.toResponse(e);
        }

        static Response refusal(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FormFieldValidationException v) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", "InvalidRequestException");
                    body.put("title", "Bad Request");
                    body.put("status", 400);
                    body.put("message", v.getMessage());
                    body.put("detail", v.getMessage());
                    if (v.getDetail() != null) {
                        body.put("field", String.valueOf((Object) v.getDetail()));
                    }
                    return Response.status(Response.Status.BAD_REQUEST).entity(body)
                            .type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return null;
        }
    }
}
