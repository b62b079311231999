package org.powexchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.springframework.http.ProblemDetail;

/** Failures that are nobody's fault still answer a problem document the caller can act on. */
@UnitTest
class ApiProblemsTest {

    @Test
    void aConcurrentChangeIsAConflictToRetryNotAServerError() {
        ProblemDetail p = new ApiProblems().concurrentChange(new OptimisticLockingException("ENGINE-03005 entity was updated"));
        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getDetail()).contains("send it again").doesNotContain("ENGINE-");
    }
}
