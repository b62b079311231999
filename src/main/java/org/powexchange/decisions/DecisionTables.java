package org.powexchange.decisions;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table (bpmn/*.dmn, as Cockpit shows it) for
 * per-person decisions in bulk. A list of a thousand people means thousands of evaluations inside one
 * transaction; through the engine's DecisionService each would be a command of its own that looks the
 * definition up and writes a historic decision instance with every input and output. The callers keep
 * the inputs and outputs in the project's own tables (person_assessment, review_concern, resolutions),
 * so here the table is parsed once per deployed version and evaluated by a plain DMN engine.
 */
@Component
public class DecisionTables {

    private final ProcessEngineConfigurationImpl config;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static final int MAX_CACHED = 20_000;

    private final ConcurrentMap<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    private final ConcurrentMap<DmnDecision, Map<Map<String, Object>, DmnDecisionResult>> results = new ConcurrentHashMap<>();

    public DecisionTables(ProcessEngineConfiguration config) {
        this.config = (ProcessEngineConfigurationImpl) config;
    }

    /**
     * Which version is the latest is looked up at most every {@link #LATEST_TTL_NANOS}: a list evaluates the
     * same table thousands of times in a row, and a lookup is a database query. A newly deployed version
     * (from any node of a cluster) applies within that time.
     */
    static final long LATEST_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private record Latest(DmnDecision decision, long lookedUpAt) {
    }

    private final ConcurrentMap<String, Latest> latestByKey = new ConcurrentHashMap<>();

    /** The decision of the latest deployed version of {@code key}, parsed once per version. */
    public DmnDecision latest(String key) {
        long now = System.nanoTime();
        Latest known = latestByKey.get(key);
        if (known != null && now - known.lookedUpAt() < LATEST_TTL_NANOS) {
            return known.decision();
        }
        DmnDecision decision = lookUpLatest(key);
        latestByKey.put(key, new Latest(decision, now));
        return decision;
    }

    private DmnDecision lookUpLatest(String key) {
        return config.getCommandExecutorTxRequired().execute(ctx -> {
            DecisionDefinitionEntity def = ctx.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key);
            if (def == null) {
                throw new IllegalStateException("no decision '" + key + "' is deployed");
            }
            return parsed.computeIfAbsent(def.getId(), id -> {
                ResourceEntity resource = ctx.getResourceManager()
                        .findResourceByDeploymentIdAndResourceName(def.getDeploymentId(), def.getResourceName());
                return dmn.parseDecision(key, new ByteArrayInputStream(resource.getBytes()));
            });
        });
    }

    /**
     * The tables are pure functions of their inputs (no dates or clocks in them), and a list repeats the
     * same inputs many times (routing facts are a handful of booleans), so results are kept per version
     * and inputs, up to {@link #MAX_CACHED} per version. Callers only read the result.
     */
    public DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
        Map<Map<String, Object>, DmnDecisionResult> cache = results.computeIfAbsent(decision, d -> new ConcurrentHashMap<>());
        Map<String, Object> key = new HashMap<>();
        java.util.Set<String> read = readVariables.computeIfAbsent(decision,
                d -> java.util.Optional.ofNullable(variablesRead(d))).orElse(null);
        variables.forEach((name, value) -> {
            if (read == null || read.contains(name)) {
                key.put(name, value);
            }
        });
        DmnDecisionResult hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        DmnDecisionResult result = dmn.evaluateDecision(decision, variables);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, result);
        return result;
    }

    private final ConcurrentMap<DmnDecision, java.util.Optional<java.util.Set<String>>> readVariables = new ConcurrentHashMap<>();

    /**
     * The variables a decision table reads, when that is plain to see: every input expression is a bare
     * variable name and no rule mentions another name. Results are then kept per those inputs only
     * (a person's other facts do not make a new entry). Null: the whole input map is the key.
     */
    static java.util.Set<String> variablesRead(DmnDecision decision) {
        if (!(decision.getDecisionLogic() instanceof org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl table)) {
            return null;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var input : table.getInputs()) {
            String expression = input.getExpression() == null ? null : input.getExpression().getExpression();
            if (expression == null || !expression.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return null;
            }
            names.add(expression.strip());
        }
        java.util.regex.Pattern identifier = java.util.regex.Pattern.compile("\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)");
        java.util.Set<String> feelWords = java.util.Set.of("not", "true", "false", "null", "and", "or", "contains",
                "date", "time", "duration", "in", "between");
        for (var rule : table.getRules()) {
            java.util.List<org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl> entries = new java.util.ArrayList<>();
            entries.addAll(rule.getConditions());
            entries.addAll(rule.getConclusions());
            for (var entry : entries) {
                java.util.regex.Matcher m = identifier.matcher(entry.getExpression() == null ? "" : entry.getExpression());
                while (m.find()) {
                    String word = m.group(1);
                    if (word != null && !feelWords.contains(word) && !names.contains(word)) {
                        return null; // a rule reads something else (or calls a function we do not know): key on all
                    }
                }
            }
        }
        return names;
    }

    public DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        return evaluate(latest(key), variables);
    }
}
