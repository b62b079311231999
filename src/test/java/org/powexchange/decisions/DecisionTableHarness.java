package org.powexchange.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table of {@code bpmn/*.dmn} on a plain DMN engine (as {@link DecisionTables} evaluates it in
 * production), remembering which rules matched so a test can prove every rule was hit at least once.
 */
final class DecisionTableHarness {

    /** matched rule ids per decision key, filled by the one engine's listener */
    private static final Map<String, Set<String>> HITS = new ConcurrentHashMap<>();
    /** One engine for all tables: starting the FEEL engine is the slow part. */
    private static final DmnEngine ENGINE = buildEngine();

    private final Set<String> rules;
    private final DmnDecision decision;

    DecisionTableHarness(String file, String decisionKey) {
        try (InputStream in = new FileInputStream(file); InputStream model = new FileInputStream(file)) {
            decision = ENGINE.parseDecision(decisionKey, in);
            Decision d = Dmn.readModelFromStream(model).getModelElementById(decisionKey);
            rules = d.getChildElementsByType(DecisionTable.class).iterator().next()
                    .getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HITS.put(decisionKey, ConcurrentHashMap.newKeySet());
    }

    private static DmnEngine buildEngine() {
        DefaultDmnEngineConfiguration config =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationEvent e) ->
                e.getMatchingRules().forEach(r -> HITS.computeIfAbsent(e.getDecision().getKey(),
                        k -> ConcurrentHashMap.newKeySet()).add(r.getId()))));
        return config.buildEngine();
    }

    DmnDecisionResult evaluate(Map<String, Object> inputs) {
        return ENGINE.evaluateDecision(decision, inputs);
    }

    /** Evaluates and answers the ids of the rules that matched this evaluation only. */
    synchronized Set<String> matchingRules(Map<String, Object> inputs) {
        Set<String> all = HITS.get(decision.getKey());
        Set<String> before = new TreeSet<>(all);
        all.clear();
        evaluate(inputs);
        Set<String> now = new TreeSet<>(all);
        all.addAll(before);
        return now;
    }

    void assertEveryRuleHit() {
        assertThat(HITS.get(decision.getKey())).as("rules of %s hit by the cases", decision.getKey()).containsAll(rules);
    }
}
