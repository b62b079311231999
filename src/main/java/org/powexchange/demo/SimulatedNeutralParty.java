package org.powexchange.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.powexchange.verification.Consent;
import org.powexchange.verification.NeutralPartyWorker;
import org.powexchange.verification.RecordVerificationResultsDelegate;
import org.powexchange.verification.VerificationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo only: a simulated neutral party on the official external task client, calling this
 * application's own REST API as the neutral-party user. Outcomes follow the configured rates
 * (consent refused, not found, deceased, unfit with escort or hold, identity mismatch; the rest verified).
 * It uses the same public interface a real neutral party would, so nothing in the product calls it.
 * Off unless {@code powexchange.demo.simulated-neutral-party.enabled=true}; the prod profile refuses to
 * start with it on ({@link DemoGuard}).
 */
@Component
@ConditionalOnProperty(name = SimulatedNeutralPartyProperties.ENABLED, havingValue = "true")
public class SimulatedNeutralParty implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedNeutralParty.class);

    private final SimulatedNeutralPartyProperties sim;
    private final Random random;
    private NeutralPartyWorker.Subscription running;

    public SimulatedNeutralParty(SimulatedNeutralPartyProperties properties) {
        this.sim = properties;
        this.random = sim.seed() == null ? new Random() : new Random(sim.seed());
    }

    @EventListener
    public void start(ApplicationReadyEvent event) {
        String base = sim.baseUrl();
        if (base == null || base.isBlank()) {
            int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
            base = "http://localhost:" + port;
        }
        running = NeutralPartyWorker.start(base, sim.user(), sim.password(), "simulated-neutral-party",
                sim.lockDuration() == null ? Duration.ofMinutes(5) : sim.lockDuration(), this::assess);
        log.warn("SIMULATED neutral party is verifying people via {}/engine-rest as '{}' (demo only)", base, sim.user());
    }

    synchronized RecordVerificationResultsDelegate.WireResult assess(Map<String, Object> person) {
        long id = ((Number) person.get("personId")).longValue();
        double x = random.nextDouble();
        double[] rates = {sim.consentRefused(), sim.notFound(), sim.deceased(), sim.unfitEscort(), sim.unfitHold(),
                sim.identityMismatch()};
        // what the delegates found, never what the person said: the interview itself is recorded only as consent
        String[] evidence = {"interviewed in private",
                "not present at the declared place of detention", "death confirmed by the detaining power's records",
                "medical examination: may travel with a medical escort", "medical examination: must stay until fit",
                "identity not confirmed: documents and interview do not match the list"};
        double acc = 0;
        for (int i = 0; i < rates.length; i++) {
            acc += rates[i];
            if (x < acc) {
                return switch (i) {
                    case 0 -> result(id, VerificationOutcome.CONSENT_REFUSED, null, evidence[i], Consent.Outcome.REFUSES);
                    case 1 -> result(id, VerificationOutcome.NOT_FOUND, null, evidence[i], null);
                    case 2 -> result(id, VerificationOutcome.DECEASED, null, evidence[i], null);
                    case 3 -> result(id, VerificationOutcome.UNFIT_TO_TRAVEL, VerificationOutcome.Medical.ESCORT,
                            evidence[i], Consent.Outcome.WANTS_REPATRIATION);
                    case 4 -> result(id, VerificationOutcome.UNFIT_TO_TRAVEL, VerificationOutcome.Medical.HOLD,
                            evidence[i], Consent.Outcome.WANTS_REPATRIATION);
                    default -> result(id, VerificationOutcome.IDENTITY_MISMATCH, null, evidence[i], null);
                };
            }
        }
        return result(id, VerificationOutcome.VERIFIED, null, "identity confirmed", Consent.Outcome.WANTS_REPATRIATION);
    }

    private static RecordVerificationResultsDelegate.WireResult result(long id, VerificationOutcome o,
                                                                       VerificationOutcome.Medical m, String evidence,
                                                                       Consent.Outcome consent) {
        return new RecordVerificationResultsDelegate.WireResult(id, o, m, "simulated: " + evidence, consent == null
                ? null : new Consent(java.time.LocalDate.now(), consent, "SIM-DELEGATE-" + (1 + id % 7)));
    }

    @Override
    public void destroy() {
        if (running != null) {
            running.stop();
        }
    }
}
