package org.powexchange.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authentication in front of the engine REST API and the application's API. */
@Configuration
public class WebSecurityConfig {

    /** The engine REST API is open by default; Camunda's own filter closes it (401 without credentials). */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        reg.setName("engine-rest-authentication");
        reg.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        reg.addUrlPatterns("/engine-rest/*");
        reg.setOrder(10);
        return reg;
    }

    /** Oversize bodies are refused before authentication reads anything (413 problem document). */
    @Bean
    FilterRegistrationBean<Filter> requestSizeLimit(
            @org.springframework.beans.factory.annotation.Value("${powexchange.max-json-body:1MB}") org.springframework.util.unit.DataSize json,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:5MB}") org.springframework.util.unit.DataSize multipart) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new RequestSizeLimit(json.toBytes(), multipart.toBytes()));
        reg.setName("request-size-limit");
        reg.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        reg.setOrder(5);
        return reg;
    }

    /** Server-side check of task completions (engine REST and Tasklist), after authentication. */
    @Bean
    FilterRegistrationBean<Filter> taskCompletionGuard(TaskService tasks, FormService forms, IdentityService identity) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new TaskCompletionGuard(tasks, forms, identity));
        reg.setName("task-completion-guard");
        reg.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        reg.setOrder(20);
        return reg;
    }

    @Bean
    FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        reg.setName("api-authentication");
        reg.addUrlPatterns("/api/*");
        reg.setOrder(10);
        return reg;
    }

    /**
     * Actuator: the bare health status is public (for load balancers and the cluster's probes); health
     * details and metrics are for administrators only.
     */
    @Bean
    FilterRegistrationBean<Filter> actuatorAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService,
                Groups.ADMIN, java.util.Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")));
        reg.setName("actuator-authentication");
        reg.addUrlPatterns("/actuator", "/actuator/*");
        reg.setOrder(10);
        return reg;
    }

    /** The Staff's exchange board: Coordination Staff and administrators (Tasklist session or HTTP Basic). */
    @Bean
    FilterRegistrationBean<Filter> boardAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new StaffPageFilter(identityService));
        reg.setName("board-authentication");
        reg.addUrlPatterns("/board", "/board/*");
        reg.setOrder(10);
        return reg;
    }

    /** The OpenAPI description of /api and its UI: for any authenticated user, like /api itself. */
    @Bean
    FilterRegistrationBean<Filter> openApiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        reg.setName("openapi-authentication");
        reg.addUrlPatterns("/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*");
        reg.setOrder(10);
        return reg;
    }
}
