package org.powexchange.drafting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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

    private final DecisionService decisions;

    public PriorityDecision(DecisionService decisions) {
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
        CommandContext ctx = Context.getCommandContext();
        boolean wasEnabled = ctx != null && ctx.isAuthorizationCheckEnabled();
        if (wasEnabled) {
            ctx.disableAuthorizationCheck(); // a system step: the drafter need not hold decision rights
        }
        try {
            DmnDecisionTableResult p = decisions.evaluateDecisionTableByKey(PRIORITY, in);
            DmnDecisionTableResult s = decisions.evaluateDecisionTableByKey(STRATEGIC, in);
            Map<String, Object> pr = p.getFirstResult().getEntryMap();
            Map<String, Object> sr = s.isEmpty() ? Map.of() : s.getFirstResult().getEntryMap();
            return new Result(in, ((Number) pr.get("priorityGroup")).intValue(), (String) pr.get("priorityCategory"),
                    Boolean.TRUE.equals(sr.get("reviewFlag")), (String) sr.get("reviewReason"));
        } finally {
            if (wasEnabled) {
                ctx.enableAuthorizationCheck();
            }
        }
    }
}
