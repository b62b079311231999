package org.powexchange.it;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL stage: with {@code -Dpow.test.postgres=true} (failsafe, in the pom) the in-context tests
 * of the run ({@code @AlsoOnPostgres}) run on a fresh PostgreSQL database {@code powx_test_<random>},
 * created here before the Spring context starts and dropped when the JVM ends.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

    private static String database;

    public static boolean active() {
        return Boolean.getBoolean("pow.test.postgres");
    }

    /** {@code -Dpow.test.postgres.log-statements=true}: the server logs every statement of the run (tools/sql-by-test.py). */
    public static boolean logsStatements() {
        return active() && Boolean.getBoolean("pow.test.postgres.log-statements");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!active() || Pg.unreachable() != null) {
            return;
        }
        synchronized (PostgresTestDatabase.class) {
            if (database == null) {
                database = Pg.createDatabase("powx_test");
                if (logsStatements()) {
                    // every statement of the run in the server's log (to see which tests run which SQL)
                    Pg.admin("alter database " + database + " set log_statement = 'all'");
                }
                String db = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Pg.dropDatabase(db)));
            }
        }
        env.getPropertySources().addFirst(new MapPropertySource("pow-test-postgres", Map.of(
                "spring.datasource.url", Pg.url(database),
                "spring.datasource.username", Pg.USER,
                "spring.datasource.password", "",
                "spring.datasource.hikari.maximum-pool-size", "10")));
    }
}
