package org.powexchange.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** In the PostgreSQL suite, every test is skipped with a clear message when PostgreSQL is unreachable. */
public class RequiresPostgres implements ExecutionCondition {

    private static String why;
    private static boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PostgresTestDatabase.active()) {
            return ConditionEvaluationResult.enabled("H2 suite");
        }
        synchronized (RequiresPostgres.class) {
            if (!checked) {
                why = Pg.unreachable();
                checked = true;
                if (why != null) {
                    System.err.println("SKIPPED PostgreSQL suite: " + why);
                }
            }
        }
        return why == null ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("SKIPPED PostgreSQL suite: " + why);
    }
}
