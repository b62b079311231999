package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/**
 * bpmn/review-routing.dmn through the DMN engine alone: which agencies review a person (hit policy
 * COLLECT: every matching rule names one agency and why).
 */
@UnitTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewRoutingDecisionTest {

    private final DecisionTableHarness routing = new DecisionTableHarness("bpmn/review-routing.dmn", "review-routing");

    @ParameterizedTest(name = "strategic={0} criminal={1} wounded={2} minor={3} {4} officer={5} -> {6}")
    @CsvSource(textBlock = """
            # strategic, criminal, wounded, minor, category, officer, agencies (space-separated),                   rules
            false, false, false, false, MILITARY, false, '',                                                         ''
            true,  false, false, false, MILITARY, false, military-intelligence foreign-intelligence security-service, Rule_1 Rule_2 Rule_3
            false, true,  false, false, MILITARY, false, security-service interior,                                  Rule_4 Rule_5
            false, false, true,  false, MILITARY, false, ombudsman,                                                  Rule_6
            false, false, false, true,  MILITARY, false, ombudsman,                                                  Rule_7
            false, false, false, false, CIVILIAN, false, ombudsman,                                                  Rule_8
            false, false, false, false, MILITARY, true,  defence,                                                    Rule_9
            true,  true,  false, false, MILITARY, true,  military-intelligence foreign-intelligence security-service interior defence, Rule_1 Rule_2 Rule_3 Rule_4 Rule_5 Rule_9
            false, false, true,  true,  CIVILIAN, false, ombudsman,                                                  Rule_6 Rule_7 Rule_8
            """)
    void agenciesConcerned(boolean strategic, boolean criminal, boolean wounded, boolean minor, String category,
                           boolean officer, String agencies, String rules) {
        Map<String, Object> in = Map.of("strategic", strategic, "pendingCriminalProceedings", criminal,
                "seriouslyWoundedSick", wounded, "minor", minor, "category", category, "officer", officer);
        assertThat(routing.matchingRules(in)).isEqualTo(words(rules));
        Set<String> named = routing.evaluate(in).getResultList().stream()
                .map(r -> (String) r.get("agency")).collect(Collectors.toSet());
        assertThat(named).isEqualTo(words(agencies));
        routing.evaluate(in).getResultList().forEach(r -> assertThat((String) r.get("concern")).isNotBlank());
    }

    private static Set<String> words(String s) {
        return Arrays.stream(s.split(" ")).filter(w -> !w.isBlank()).collect(Collectors.toSet());
    }

    @AfterAll
    void everyRuleIsHit() {
        routing.assertEveryRuleHit();
    }
}
