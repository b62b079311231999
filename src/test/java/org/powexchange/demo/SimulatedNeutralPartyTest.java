package org.powexchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;
import org.powexchange.verification.RecordVerificationResultsDelegate.WireResult;
import org.powexchange.verification.VerificationOutcome;

/** The simulated neutral party's outcomes follow the configured rates; its evidence says it is simulated. */
@UnitTest
class SimulatedNeutralPartyTest {

    private static SimulatedNeutralParty party(double... rates) {
        return new SimulatedNeutralParty(new SimulatedNeutralPartyProperties(true, null, null, null, 42L, null,
                rates[0], rates[1], rates[2], rates[3], rates[4], rates[5]));
    }

    @ParameterizedTest(name = "rate 1 for outcome #{0} -> {1} {2}")
    @CsvSource(nullValues = "null", textBlock = """
            0, CONSENT_REFUSED,   null
            1, NOT_FOUND,         null
            2, DECEASED,          null
            3, UNFIT_TO_TRAVEL,   ESCORT
            4, UNFIT_TO_TRAVEL,   HOLD
            5, IDENTITY_MISMATCH, null
            """)
    void aCertainOutcome(int index, VerificationOutcome outcome, VerificationOutcome.Medical medical) {
        double[] rates = new double[6];
        rates[index] = 1.0;
        WireResult r = party(rates).assess(Map.of("personId", 17L));
        assertThat(r.personId()).isEqualTo(17L);
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.medical()).isEqualTo(medical);
        assertThat(r.evidence()).startsWith("simulated: ");
    }

    @Test
    void withoutRatesEveryoneIsVerified() {
        WireResult r = party(0, 0, 0, 0, 0, 0).assess(Map.of("personId", 3));
        assertThat(r.outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(r.evidence()).startsWith("simulated: ");
    }

    @Test
    void theDemoRatesGiveRoughlyThoseShares() {
        SimulatedNeutralParty p = party(0.04, 0.03, 0.01, 0.03, 0.02, 0.02);
        Map<VerificationOutcome, Integer> n = new EnumMap<>(VerificationOutcome.class);
        for (long id = 0; id < 20_000; id++) {
            n.merge(p.assess(Map.of("personId", id)).outcome(), 1, Integer::sum);
        }
        assertThat(n.get(VerificationOutcome.VERIFIED) / 20_000.0).isBetween(0.83, 0.87);
        assertThat(n.get(VerificationOutcome.CONSENT_REFUSED) / 20_000.0).isBetween(0.03, 0.05);
        assertThat(n.get(VerificationOutcome.UNFIT_TO_TRAVEL) / 20_000.0).isBetween(0.04, 0.06);
    }
}
