package org.powexchange.drafting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.powexchange.decisions.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the prioritisation decision tables of {@code bpmn/candidate-priority.dmn} for one person.
 * The tables are the officials' to change (Cockpit shows them); the inputs and outputs are returned
 * so they can be stored with the person.
 */
@Component
public class PriorityDecision {

    public static final String PRIORITY = "candidate-priority";
    public static final String STRATEGIC = "strategic-review";

    public record Result(Map<String, Object> inputs, int group, String category, boolean reviewFlag,
                         String reviewReason) {
    }

    private final DecisionTables decisions;

    public PriorityDecision(DecisionTables decisions) {
        this.decisions = decisions;
    }

    public Result evaluate(boolean seriouslyWoundedSick, String category, Integer age, Integer captivityDays,
                           String rank, String strategicFlags) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("seriouslyWoundedSick", seriouslyWoundedSick);
        in.put("category", category);
        in.put("age", age);
        in.put("captivityDays", captivityDays);
        in.put("rank", rank == null ? "" : rank);
        in.put("strategicFlags", strategicFlags == null ? "" : strategicFlags);
        DmnDecisionResult p = decisions.evaluate(PRIORITY, in);
        DmnDecisionResult s = decisions.evaluate(STRATEGIC, in);
        Map<String, Object> pr = p.getFirstResult().getEntryMap();
        Map<String, Object> sr = s.isEmpty() ? Map.of() : s.getFirstResult().getEntryMap();
        return new Result(in, ((Number) pr.get("priorityGroup")).intValue(), (String) pr.get("priorityCategory"),
                Boolean.TRUE.equals(sr.get("reviewFlag")), (String) sr.get("reviewReason"));
    }
}
