package org.powexchange.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses to start with demo users or a demo, default or weak admin password. */
@UnitTest
class ProductionGuardTest {

    static final List<DemoProperties.DemoUser> DEMO = List.of(
            new DemoProperties.DemoUser("staff", "coordination-staff", "demo-staff-pw", "Demo"));

    static MockEnvironment prod(String adminPassword) {
        MockEnvironment env = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");
        if (adminPassword != null) {
            env.setProperty("camunda.bpm.admin-user.password", adminPassword);
        }
        env.setActiveProfiles("prod", "postgres");
        return env;
    }

    @Test
    void refusesDemoUsersInProd() {
        assertThatThrownBy(() -> new ProductionGuard(prod("a-strong-secret-42!"), new DemoProperties(true, DEMO)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo users");
    }

    @Test
    void refusesDefaultDemoEmptyShortAndIdPasswords() {
        for (String bad : new String[] {null, "", "admin", "demo-admin-pw", "demo-staff-pw", "changeme", "camunda", "short-pw"}) {
            assertThatThrownBy(() -> new ProductionGuard(prod(bad), new DemoProperties(false, DEMO)))
                    .as("admin password " + bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("POW_ADMIN_PASSWORD");
        }
    }

    @Test
    void acceptsAStrongPasswordWithoutDemoUsers() {
        assertThatCode(() -> new ProductionGuard(prod("a-strong-secret-42!"), new DemoProperties(false, DEMO)))
                .doesNotThrowAnyException();
    }

    @Test
    void theDemoProfileIsNotGuarded() {
        MockEnvironment demo = new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "demo-admin-pw");
        assertThatCode(() -> new ProductionGuard(demo, new DemoProperties(true, DEMO))).doesNotThrowAnyException();
    }
}
