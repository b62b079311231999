package org.powexchange.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo users, one per group, seeded in the default (demo) profile only. */
@ConfigurationProperties("powexchange.demo")
public record DemoProperties(boolean enabled, List<DemoUser> users) {

    public record DemoUser(String id, String group, String password, String name) {
    }

    public DemoProperties {
        users = users == null ? List.of() : users;
    }
}
