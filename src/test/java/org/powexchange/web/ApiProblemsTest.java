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

    @Test
    void wrappedConflictsAreConflictsAndNameNoClass() {
        ProblemDetail dup = new ApiProblems().unexpected(new org.camunda.bpm.engine.ProcessEngineException("listener failed",
                new org.springframework.dao.DuplicateKeyException("unique index AGENCY_REVIEW_UK")));
        assertThat(dup.getStatus()).isEqualTo(409);
        assertThat(dup.getDetail()).doesNotContain("AGENCY_REVIEW", "Exception");
        ProblemDetail lock = new ApiProblems().unexpected(new org.camunda.bpm.engine.ProcessEngineException("wrapped",
                new OptimisticLockingException("ENGINE-03005")));
        assertThat(lock.getStatus()).isEqualTo(409);
        ProblemDetail bug = new ApiProblems().unexpected(new IllegalStateException("a bug in org.powexchange.Foo"));
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(bug.getDetail()).doesNotContain("org.powexchange", "IllegalState");
    }
}
