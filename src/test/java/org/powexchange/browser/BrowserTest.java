package org.powexchange.browser;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the browser tests: the running application of the shared test context, a headless
 * Chromium per test class, and the exchange driver to set up data through /api and the engine. Skipped
 * (not failed) on a machine without Chromium, with a message saying how to enable them.
 */
abstract class BrowserTest extends IntegrationTest {

    @Autowired
    FilterService filters;

    Browser browser;

    private static boolean told;

    @BeforeEach
    void chromiumPresent() {
        String reason = Browser.unavailableReason();
        if (reason != null && !told) {
            System.err.println("WARNING " + reason);
            told = true;
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** One Chromium per test class (a fresh profile); each scenario signs in anew. */
    private static Browser shared;

    @BeforeEach
    void openBrowser(TestInfo test) {
        if (Browser.unavailableReason() != null) {
            return;
        }
        if (shared == null) {
            shared = new Browser("http://localhost:" + port);
        }
        browser = shared;
        browser.scenario(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** An exchange whose candidates are in and whose lists wait for the Staff's confirmation. */
    String exchangeInDrafting(String ref) {
        String ex = d.createExchange(ref, 2, List.of(1, 1));
        d.post("coordination-staff", "/api/exchanges/" + ex + "/candidates", Map.of("records", BrowserData.PEOPLE), 200);
        return ex;
    }

    /** An exchange whose lists are confirmed and wait for the six agencies' reviews. */
    String exchangeInReview(String ref) {
        String ex = exchangeInDrafting(ref);
        d.complete("coordination-staff", d.task(ex, "Task_ConfirmLists"), Map.of("listsDecision", "CONFIRM"));
        return ex;
    }

    /** Every agency approves; the join of the review waits as an asynchronous job. */
    void allAgenciesApprove(String ex) {
        d.reviewAll(ex, Map.of());
    }

    /** An exchange cleared, verified and ratified an hour ago: phase 1 waits for "Confirm who crossed". */
    String exchangeInHandover(String ref) {
        String ex = exchangeInReview(ref);
        allAgenciesApprove(ex);
        runJobs(ex);
        d.counterpartyListsMatchingOurs(ex, "CP-" + ref);
        d.verifyAll(ex, Map.of());
        d.post("coordination-staff", "/api/exchanges/" + ex + "/ratification", Map.of("documentRef", "RAT-" + ref,
                "signedAt", OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString()), 200);
        d.readyAndGo(ex);
        return ex;
    }

    ProcessInstance mainInstance(String ex) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ex)
                .processDefinitionKey("prisoner-exchange").singleResult();
    }

    ProcessInstance calledInstance(String ex, String key) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(mainInstance(ex).getId())
                .processDefinitionKey(key).singleResult();
    }

    String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }
}
