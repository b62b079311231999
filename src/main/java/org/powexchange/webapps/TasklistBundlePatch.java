package org.powexchange.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist 7.24 bundles form-js 1.8.7, whose validation leaves an empty entry ({@code {objections: []}}) in
 * its errors after any edit inside a dynamic-list row (bpmn-io/form-js #1494, fixed in 1.21.3); Tasklist
 * counts the keys, so Complete stays disabled until Save. Camunda 7 CE gets no patch release, so Tasklist's
 * bundle is served here with its two checks counting real messages only. If a future bundle no longer
 * contains the patched code, it is served unchanged and a warning is logged (nothing breaks).
 */
@Configuration
public class TasklistBundlePatch {

    static final String PATH = "/camunda/app/tasklist/camunda-tasklist-bootstrap.js";
    static final String RESOURCE = "META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js";
    /** true when an errors object holds at least one message; empty lists and objects do not count */
    static final String HAS_ERRORS = "window.powFormHasErrors=function powFormHasErrors(x){if(x==null)return false;"
            + "if(Array.isArray(x))return x.some(powFormHasErrors);if(typeof x==='object')return Object.keys(x)"
            + ".some(function(k){return powFormHasErrors(x[k])});return !!x};\n";
    static final String[][] REPLACEMENTS = {
            // on every change: Complete is enabled when no field has a message
            {"var t=!!Object.keys(e.errors).length;", "var t=window.powFormHasErrors(e.errors);"},
            // on Complete: submit unless a field has a message
            {"a=t.errors,!Object.keys(a).length)", "a=t.errors,!window.powFormHasErrors(a))"}};

    private static final Logger log = LoggerFactory.getLogger(TasklistBundlePatch.class);

    static byte[] patched() throws IOException {
        String js;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String[] r : REPLACEMENTS) {
            if (!js.contains(r[0])) {
                log.warn("Tasklist bundle patch (form-js #1494) not applied: '{}' not found; serving the bundle as is", r[0]);
                return null;
            }
            js = js.replace(r[0], r[1]);
        }
        return (HAS_ERRORS + js).getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    FilterRegistrationBean<PatchFilter> tasklistBundlePatchFilter() throws IOException {
        FilterRegistrationBean<PatchFilter> reg = new FilterRegistrationBean<>(new PatchFilter(patched()));
        reg.setName("tasklist-bundle-patch");
        reg.addUrlPatterns(PATH);
        reg.setOrder(1);
        return reg;
    }

    static class PatchFilter extends OncePerRequestFilter {
        private final byte[] body;

        PatchFilter(byte[] body) {
            this.body = body;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (body == null || !"GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            response.setContentType("application/javascript;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
