package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

/** bpmn/objection-policy.dmn through the DMN engine: art. 109 before art. 119, art. 119 only for people we hold. */
@UnitTest
class ObjectionPolicyTableTest {

    static DmnEngine dmn;
    static DmnDecision policy;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/objection-policy.dmn")) {
            policy = dmn.parseDecision("objection-policy", in);
        }
    }

    private static Map<String, Object> facts(boolean heldByUs, boolean art109, String... reasons) {
        Map<String, Object> m = new HashMap<>();
        for (String k : new String[] {"identityDoubt", "pendingCriminalProceedings", "humanitarianPriority",
                "securityRisk", "strategicValue"}) {
            m.put(k, false);
        }
        for (String r : reasons) {
            m.put(r, true);
        }
        m.put("seriouslyWoundedSick", art109);
        m.put("heldByUs", heldByUs);
        return m;
    }

    private static String recommend(Map<String, Object> facts) {
        return (String) dmn.evaluateDecisionTable(policy, facts).getSingleResult().getEntry("recommendation");
    }

    @Test
    void aSeriouslyWoundedPrisonerWeHoldIsKeptWhateverTheGround() {
        assertThat(recommend(facts(true, true, "pendingCriminalProceedings"))).isEqualTo("KEEP");
        assertThat(recommend(facts(true, true, "identityDoubt", "securityRisk"))).isEqualTo("KEEP");
        assertThat((String) dmn.evaluateDecisionTable(policy, facts(true, true, "pendingCriminalProceedings"))
                .getSingleResult().getEntry("rationale")).contains("art. 109-110").contains("never removed");
    }

    @Test
    void criminalProceedingsRecommendAHoldBackOnlyForAPrisonerWeHold() {
        assertThat(recommend(facts(true, false, "pendingCriminalProceedings"))).isEqualTo("REMOVE");
        assertThat((String) dmn.evaluateDecisionTable(policy, facts(true, false, "pendingCriminalProceedings"))
                .getSingleResult().getEntry("rationale")).startsWith("GC III art. 119").contains("hold-back notice");
        // one of ours: art. 119 is no ground; the other reasons decide
        assertThat(recommend(facts(false, false, "pendingCriminalProceedings"))).isEqualTo("KEEP");
        assertThat(recommend(facts(false, false, "pendingCriminalProceedings", "securityRisk"))).isEqualTo("DEFER");
        // identity doubt about one of ours who is wounded: defer (the service asks for a second official)
        assertThat(recommend(facts(false, true, "identityDoubt"))).isEqualTo("DEFER");
        assertThat(recommend(facts(false, true, "strategicValue"))).isEqualTo("KEEP");
    }
}
