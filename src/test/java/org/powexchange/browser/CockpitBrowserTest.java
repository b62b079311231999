package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The administrator watches a running exchange in Cockpit and finds the incident of a failed step. */
class CockpitBrowserTest extends BrowserTest {

    /**
     * A crafted exchange: all six agencies approved, then an operator overwrote the called review's
     * {@code exchangeId} variable with a value that names no exchange. "Record the review outcome"
     * (behind the asynchronous join) fails on it; with its last retry spent, the job becomes an
     * incident, which Cockpit shows on the called process's diagram.
     */
    @Test
    void theAdministratorSeesTheExchangeAndAnIncident() {
        String ex = exchangeInReview("BROWSER-COCKPIT-1");
        allAgenciesApprove(ex);
        ProcessInstance main = mainInstance(ex);
        ProcessInstance review = calledInstance(ex, "interagency-review");
        // the asynchronous join holds one job per agency's branch (besides the reminder and overdue timers);
        // the last one to run goes on
        List<Job> arrivals = management.createJobQuery().processInstanceId(review.getId()).messages().list();
        assertThat(arrivals).as("jobs at the review's asynchronous join").hasSize(6);
        arrivals.subList(0, 5).forEach(j -> management.executeJob(j.getId()));
        Job join = arrivals.get(5);
        runtime.setVariable(review.getId(), "exchangeId", "not-an-exchange");
        management.setJobRetries(join.getId(), 1);
        assertThatThrownBy(() -> management.executeJob(join.getId())).hasMessageContaining("not-an-exchange");
        Incident incident = runtime.createIncidentQuery().processInstanceId(review.getId()).singleResult();
        assertThat(incident).as("incident of the failed job").isNotNull();

        CockpitPage cockpit = new CockpitPage(browser).login("admin", "demo-admin-pw");
        cockpit.openDefinition(main.getProcessDefinitionId(), "Prisoner-of-war exchange")
                .expectBadge("CallActivity_InteragencyReview", "running exchange's token");
        cockpit.openInstance(main.getId(), "Prisoner-of-war exchange")
                .expectBadge("CallActivity_InteragencyReview", "this exchange's token")
                .tab("Called Process Instances")
                .followCalledInstance(review.getId(), "Interagency review")
                .expectIncidentBadge(incident.getActivityId())
                .tab("Incidents")
                .expectText("the failed step's message in the incidents tab", "not-an-exchange");

        // the administrator's repair: put the right value back and retry; the review then completes
        runtime.setVariable(review.getId(), "exchangeId", ex);
        management.setJobRetries(join.getId(), 1);
        management.executeJob(join.getId());
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
        runJobs(ex);
        assertThat(calledInstance(ex, "neutral-verification")).as("verification after the repaired review").isNotNull();
    }
}
