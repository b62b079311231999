package org.powexchange.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
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

    @Bean
    FilterRegistrationBean<Filter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        reg.setName("api-authentication");
        reg.addUrlPatterns("/api/*");
        reg.setOrder(10);
        return reg;
    }
}
