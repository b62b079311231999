package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

/** Which inputs a decision table reads decides what its cached results are keyed on. */
@UnitTest
class DecisionTablesTest {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DmnDecision parse(String file, String key) throws Exception {
        try (InputStream in = new FileInputStream(file)) {
            return dmn.parseDecision(key, in);
        }
    }

    @Test
    void aTableOfBareInputsIsKeyedOnThoseInputsOnly() throws Exception {
        assertThat(DecisionTables.variablesRead(parse("bpmn/candidate-priority.dmn", "strategic-review")))
                .containsExactlyInAnyOrder("rank", "strategicFlags");
        assertThat(DecisionTables.variablesRead(parse("bpmn/candidate-priority.dmn", "candidate-priority")))
                .containsExactlyInAnyOrder("seriouslyWoundedSick", "category", "age", "captivityDays");
    }

    @Test
    void aRuleThatMentionsAnotherVariableKeysOnEverything() throws Exception {
        String table = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="limit" name="limit">
                    <decisionTable id="t">
                      <input id="i"><inputExpression id="e" typeRef="integer"><text>age</text></inputExpression></input>
                      <output id="o" name="ok" typeRef="boolean"/>
                      <rule id="r"><inputEntry id="c"><text>&gt; threshold</text></inputEntry>
                        <outputEntry id="v"><text>true</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        DmnDecision d = dmn.parseDecision("limit", new java.io.ByteArrayInputStream(table.getBytes()));
        assertThat(DecisionTables.variablesRead(d)).isNull();
        // and the cache then tells the two apart
        assertThat(dmn.evaluateDecision(d, Map.of("age", 30, "threshold", 20)).getFirstResult()).isNotNull();
        assertThat(dmn.evaluateDecision(d, Map.of("age", 30, "threshold", 40)).getFirstResult()).isNull();
    }
}
