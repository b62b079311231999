package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Resolve possible duplicates" with 1,000 pairs: a page of 50, highest score first, side by side with the
 * fields that differ; a page decided in bulk; every pair above a score merged in bulk; the task returns
 * until no pair is open, then drafting goes on.
 */
@AlsoOnPostgres
class ResolveDuplicatesPagingTest extends IntegrationTest {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aThousandPairsAreDecidedPageByPageAndInBulk() {
        String ex = DuplicatePairsData.exchangeWithPairs(d, "DRAFT-PAIRS-1000", 1000);
        java.util.UUID id = java.util.UUID.fromString(ex);
        int open = jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'OPEN'")
                .param(id).query(Integer.class).single();
        assertThat(open).isGreaterThanOrEqualTo(1000);

        Task first = d.task(ex, "Task_ResolveDuplicates");
        SpinJsonNode page = (SpinJsonNode) tasks.getVariable(first.getId(), "duplicatePairs");
        assertThat(page.elements()).hasSize(DuplicateOptions.PAGE_SIZE);
        List<Double> scores = new ArrayList<>();
        for (SpinJsonNode p : page.elements()) {
            String label = p.prop("label").stringValue();
            scores.add(Double.valueOf(label.substring("score ".length(), label.indexOf(':'))));
            assertThat(label).contains("⟷").contains("differs: ");
        }
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat((String) tasks.getVariable(first.getId(), "duplicatesSummary")).startsWith("50 of " + open);

        // the whole page merged in bulk: 50 decided, the task returns with the next page
        d.submit("coordination-staff", first, Map.of("pageDecision", "MERGE_PAGE"));
        int left = jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'OPEN'")
                .param(id).query(Integer.class).single();
        assertThat(left).isEqualTo(open - DuplicateOptions.PAGE_SIZE);
        assertThat(jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'MERGED'")
                .param(id).query(Integer.class).single()).isEqualTo(DuplicateOptions.PAGE_SIZE);

        // one pair merged by hand, the rest of the page kept apart, and every pair at or above 0 merged in bulk
        Task second = d.task(ex, "Task_ResolveDuplicates");
        SpinJsonNode next = (SpinJsonNode) tasks.getVariable(second.getId(), "duplicatePairs");
        d.submit("coordination-staff", second, Map.of("pageDecision", "AS_TICKED",
                "pairsToMerge", List.of(next.elements().get(0).prop("value").stringValue()), "mergeAtOrAbove", 0.99));
        assertThat(jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'KEPT_APART'")
                .param(id).query(Integer.class).single()).isEqualTo(DuplicateOptions.PAGE_SIZE - 1);
        Task third = d.task(ex, "Task_ResolveDuplicates");
        d.submit("coordination-staff", third, Map.of("pageDecision", "KEEP_PAGE", "mergeAtOrAbove", "0"));
        assertThat(jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'OPEN'")
                .param(id).query(Integer.class).single()).isZero();
        d.settle(ex);
        assertThat(d.task(ex, "Task_ConfirmLists")).isNotNull();
    }
}
