package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/**
 * bpmn/candidate-priority.dmn through the DMN engine alone: who is proposed first (hit policy FIRST),
 * and who is flagged for intelligence and security review. Inputs as {@code PriorityDecision} passes them
 * (a missing rank or missing flags are empty strings).
 */
@UnitTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidatePriorityDecisionTest {

    private final DecisionTableHarness priority = new DecisionTableHarness("bpmn/candidate-priority.dmn", "candidate-priority");
    private final DecisionTableHarness strategic = new DecisionTableHarness("bpmn/candidate-priority.dmn", "strategic-review");

    @ParameterizedTest(name = "wounded={0} {1} age {2}, {3} days held -> group {4} {5}")
    @CsvSource(nullValues = "null", textBlock = """
            # wounded, category, age, days held, group, category,       rule
            true,  MILITARY, 30,   10,   1, WOUNDED_OR_SICK, Rule_WoundedSick
            true,  CIVILIAN, 12,   900,  1, WOUNDED_OR_SICK, Rule_WoundedSick
            false, CIVILIAN, 30,   10,   2, CIVILIAN,        Rule_Civilian
            false, CIVILIAN, 70,   900,  2, CIVILIAN,        Rule_Civilian
            false, MILITARY, 17,   10,   3, MINOR,           Rule_Minor
            false, MILITARY, 60,   10,   3, ELDERLY,         Rule_Elderly
            false, MILITARY, 59,   365,  4, LONG_CAPTIVITY,  Rule_LongCaptivity
            false, MILITARY, 18,   364,  5, OTHER,           Rule_Other
            false, MILITARY, null, null, 5, OTHER,           Rule_Other
            """)
    void priorityGroup(boolean wounded, String category, Integer age, Integer days, int group, String groupName,
                       String rule) {
        Map<String, Object> in = new HashMap<>();
        in.put("seriouslyWoundedSick", wounded);
        in.put("category", category);
        in.put("age", age);
        in.put("captivityDays", days);
        assertThat(priority.matchingRules(in)).containsExactly(rule);
        DmnDecisionResultEntries out = priority.evaluate(in).getSingleResult();
        assertThat(((Number) out.get("priorityGroup")).intValue()).isEqualTo(group);
        assertThat((String) out.get("priorityCategory")).isEqualTo(groupName);
    }

    @ParameterizedTest(name = "rank ''{0}'', flags ''{1}'' -> {2} {3}")
    @CsvSource(textBlock = """
            # rank,             flags,                          flagged, reason,                  rule
            PRIVATE,            INTELLIGENCE_ACCESS,            true,    access to intelligence,  Rule_IntelligenceAccess
            MAJOR,              OFFICER;INTELLIGENCE_ACCESS,    true,    access to intelligence,  Rule_IntelligenceAccess
            MAJOR,              '',                             true,    officer,                 Rule_OfficerRank
            LIEUTENANT COLONEL, HIGH_PROFILE,                   true,    officer,                 Rule_OfficerRank
            SERGEANT,           OFFICER,                        true,    officer,                 Rule_OfficerFlag
            '',                 HIGH_PROFILE,                   true,    high profile,            Rule_HighProfile
            SERGEANT,           '',                             false,   '',                      Rule_NoFlag
            '',                 '',                             false,   '',                      Rule_NoFlag
            """)
    void strategicReview(String rank, String flags, boolean flagged, String reason, String rule) {
        Map<String, Object> in = Map.of("rank", rank, "strategicFlags", flags);
        assertThat(strategic.matchingRules(in)).containsExactly(rule);
        DmnDecisionResultEntries out = strategic.evaluate(in).getSingleResult();
        assertThat((Boolean) out.get("reviewFlag")).isEqualTo(flagged);
        assertThat((String) out.get("reviewReason")).isEqualTo(reason);
    }

    @AfterAll
    void everyRuleIsHit() {
        priority.assertEveryRuleHit();
        strategic.assertEveryRuleHit();
    }
}
