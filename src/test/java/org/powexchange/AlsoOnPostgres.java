package org.powexchange;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A scenario whose outcome depends on the database: the project's SQL (every repository's statements, row
 * locks, batch writes, generated keys, migrations), concurrency, the job executor, the engine restarted on the
 * same database, one whole exchange. {@code verify} runs the classes and methods carrying it a second time,
 * after packaging, on PostgreSQL (failsafe, JUnit tag {@value #TAG}, which ClusterIT and CrashIT carry too);
 * the rest of the scenario layer (the edge, forms, models, the browser) does not depend on the database
 * and runs on H2 only. See docs/testing.md and docs/decisions/0009-postgresql-suite-subset.md.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(AlsoOnPostgres.TAG)
public @interface AlsoOnPostgres {

    String TAG = "postgres";
}
