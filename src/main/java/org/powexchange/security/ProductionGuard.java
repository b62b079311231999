package org.powexchange.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the "prod" profile the application refuses to start while a demo user is seeded or the
 * administrator's password is empty, equal to the user id, or one of the well-known defaults.
 */
@Component
public class ProductionGuard {

    static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "camunda", "changeme", "demo-admin-pw");

    public ProductionGuard(Environment env, DemoProperties demo) {
        if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (demo.enabled()) {
            throw new IllegalStateException("prod profile: demo users are enabled (powexchange.demo.enabled=true)");
        }
        String adminId = env.getProperty("camunda.bpm.admin-user.id", "");
        String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
        Set<String> forbidden = new HashSet<>(WELL_KNOWN);
        demo.users().forEach(u -> forbidden.add(u.password()));
        if (adminPassword.isBlank() || adminPassword.equals(adminId) || forbidden.contains(adminPassword)
                || adminPassword.length() < 12) {
            throw new IllegalStateException("prod profile: set POW_ADMIN_PASSWORD to a strong password "
                    + "(at least 12 characters, not a demo or default password)");
        }
    }
}
