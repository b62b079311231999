package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/**
 * bpmn/objection-policy.dmn through the DMN engine alone: the recommendation on a contested person
 * (hit policy FIRST, so the order of the grounds matters: identity doubt, then criminal proceedings,
 * then art. 109 before any bargaining ground; an art. 109 prisoner we hold comes first of all, and art. 119
 * applies only to a prisoner we hold).
 */
@UnitTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectionPolicyDecisionTest {

    private final DecisionTableHarness policy = new DecisionTableHarness("bpmn/objection-policy.dmn", "objection-policy");

    @ParameterizedTest(name = "identity={0} criminal={1} wounded={2} humanitarian={3} security={4} strategic={5} heldByUs={6} -> {7}")
    @CsvSource(textBlock = """
            # identity, criminal, wounded, humanitarian, security, strategic, heldByUs, recommendation, rationale mentions, rule
            false, false, true,  false, false, false, true,  KEEP,   art. 109,              Rule_Art109HeldByUs
            true,  true,  true,  false, true,  true,  true,  KEEP,   never removed,         Rule_Art109HeldByUs
            true,  false, false, false, false, false, false, DEFER,  identity in doubt,     Rule_1
            true,  true,  false, false, true,  true,  true,  DEFER,  identity in doubt,     Rule_1
            false, true,  false, false, false, false, true,  REMOVE, art. 119,              Rule_2
            false, true,  false, false, true,  true,  true,  REMOVE, hold-back notice,      Rule_2
            false, true,  true,  false, false, false, false, KEEP,   art. 109,              Rule_3
            false, false, true,  false, true,  true,  false, KEEP,   art. 109,              Rule_3
            false, false, false, true,  false, false, false, KEEP,   humanitarian priority, Rule_4
            false, true,  false, true,  false, true,  false, KEEP,   humanitarian priority, Rule_4
            false, false, false, false, true,  false, true,  DEFER,  security risk,         Rule_5
            false, false, false, false, true,  true,  false, DEFER,  security risk,         Rule_5
            false, false, false, false, false, true,  true,  REMOVE, strategic value,       Rule_6
            false, true,  false, false, false, false, false, KEEP,   no ground in policy,   Rule_7
            false, false, false, false, false, false, true,  KEEP,   no ground in policy,   Rule_7
            """)
    void recommendation(boolean identity, boolean criminal, boolean wounded, boolean humanitarian, boolean security,
                        boolean strategic, boolean heldByUs, String recommendation, String rationale, String rule) {
        // art. 119 applies only to a prisoner we hold: proceedings against one of ours give no ground (Rule_7)
        Map<String, Object> in = Map.of("identityDoubt", identity, "pendingCriminalProceedings", criminal,
                "seriouslyWoundedSick", wounded, "humanitarianPriority", humanitarian, "securityRisk", security,
                "strategicValue", strategic, "heldByUs", heldByUs);
        assertThat(policy.matchingRules(in)).containsExactly(rule);
        DmnDecisionResultEntries out = policy.evaluate(in).getSingleResult();
        assertThat((String) out.get("recommendation")).isEqualTo(recommendation);
        assertThat((String) out.get("rationale")).contains(rationale);
    }

    @AfterAll
    void everyRuleIsHit() {
        policy.assertEveryRuleHit();
    }
}
