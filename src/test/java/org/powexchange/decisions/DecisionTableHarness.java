package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table of {@code bpmn/*.dmn} on a plain DMN engine (as {@link DecisionTables} evaluates it in
 * production), remembering which rules matched so a test can prove every rule was hit at least once.
 */
final class DecisionTableHarness {

    private final Set<String> hit = new TreeSet<>();
    private final Set<String> rules;
    private final DmnDecision decision;
    private final DmnEngine engine;

    DecisionTableHarness(String file, String decisionKey) {
        DefaultDmnEngineConfiguration config =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(java.util.List.of(
                (DmnDecisionTableEvaluationEvent e) -> e.getMatchingRules().forEach(r -> hit.add(r.getId()))));
        DmnEngine engine = config.buildEngine();
        try (InputStream in = new FileInputStream(file); InputStream model = new FileInputStream(file)) {
            decision = engine.parseDecision(decisionKey, in);
            Decision d = Dmn.readModelFromStream(model).getModelElementById(decisionKey);
            rules = d.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next()
                    .getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.engine = engine;
    }

    DmnDecisionResult evaluate(Map<String, Object> inputs) {
        return engine.evaluateDecision(decision, inputs);
    }

    /** Evaluates and answers the ids of the rules that matched this evaluation only. */
    Set<String> matchingRules(Map<String, Object> inputs) {
        Set<String> before = new TreeSet<>(hit);
        hit.clear();
        evaluate(inputs);
        Set<String> now = new TreeSet<>(hit);
        hit.addAll(before);
        return now;
    }

    void assertEveryRuleHit() {
        assertThat(hit).as("rules of %s hit by the cases", decision.getKey()).containsAll(rules);
    }
}
