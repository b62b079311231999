package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.powexchange.drafting.DuplicatePairsData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drafter with 1,000 possible duplicates in Tasklist: the task opens with one page of pairs, highest
 * score first and side by side; the whole page is merged in bulk; the task completes and comes back
 * with the next page.
 */
class DuplicatesBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageOfAThousandPairsIsDecidedInBulk() {
        String ex = DuplicatePairsData.exchangeWithPairs(d, "BROWSER-PAIRS-1000", 1000);
        int open = openPairs(ex);
        assertThat(open).isGreaterThanOrEqualTo(1000);
        Task resolve = d.task(ex, "Task_ResolveDuplicates");

        TasklistPage tasklist = new TasklistPage(browser).login("staff", "demo-staff-pw");
        tasklist.openTask(filterId("Coordination Staff on POW Affairs – tasks"), resolve.getId(),
                "Resolve possible duplicates");
        browser.step(TasklistPage.PAGE, "one page of 50 pairs, side by side, with the fields that differ", () ->
                tasklist.options("Pairs on this page to merge (used with 'As ticked')").size() == 50
                        && tasklist.options("Pairs on this page to merge (used with 'As ticked')").get(0).contains("⟷")
                        && tasklist.options("Pairs on this page to merge (used with 'As ticked')").get(0).contains("differs:"));
        assertThat(String.valueOf(tasklist.value("This page"))).startsWith("50 of " + open);
        tasklist.claim()
                .choose("Decide the pairs on this page", "Merge every pair on this page")
                .complete("Resolve possible duplicates");

        assertThat(openPairs(ex)).isEqualTo(open - 50);
        assertThat(jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'MERGED' "
                + "and decided_by = 'staff'").param(UUID.fromString(ex)).query(Integer.class).single()).isEqualTo(50);
        // the task is back with the next page
        Task next = d.task(ex, "Task_ResolveDuplicates");
        assertThat(next.getId()).isNotEqualTo(resolve.getId());
    }

    private int openPairs(String ex) {
        return jdbc.sql("select count(*) from possible_duplicate where exchange_id = ? and status = 'OPEN'")
                .param(UUID.fromString(ex)).query(Integer.class).single();
    }
}
