package org.powexchange.drafting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Resolve possible duplicates", one page per round: the pairs on the page are decided as ticked (ticked
 * merged, the rest kept apart), or all merged, or all kept apart; optionally every open pair at or above a
 * score is merged in bulk. Pairs not decided stay open and the task returns with the next page. A client
 * that sends no page decision decides every open pair as before (ticked merged, the rest kept apart).
 */
@Component("recordDuplicateDecisions")
public class ResolveDuplicatesListener implements TaskFormHandler {

    static final String PAGE_DECISION = "pageDecision";
    static final String MERGE_AT_OR_ABOVE = "mergeAtOrAbove";
    static final String PAGE_IDS = "duplicatePageIds";
    static final Set<String> PAGE_DECISIONS = Set.of("AS_TICKED", "MERGE_PAGE", "KEEP_PAGE");

    private final CrossReferenceService crossReference;
    private final CurrentUser user;

    public ResolveDuplicatesListener(CrossReferenceService crossReference, CurrentUser user) {
        this.crossReference = crossReference;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(DraftingProcess.PAIRS_TO_MERGE, DraftingProcess.DUPLICATES_COMMENT, PAGE_DECISION,
                MERGE_AT_OR_ABOVE);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        UUID exchangeId = ExchangeProcess.exchangeId(task);
        List<Long> ticked = in.ids(DraftingProcess.PAIRS_TO_MERGE);
        in.text(DraftingProcess.DUPLICATES_COMMENT, 2000, false);
        Set<Long> open = new HashSet<>(crossReference.openPairIds(exchangeId));
        for (Long id : ticked) {
            if (!open.contains(id)) {
                throw FormInput.invalid(DraftingProcess.PAIRS_TO_MERGE, "pair " + id + " is not an open possible duplicate");
            }
        }
        Object mode = task.getVariable(PAGE_DECISION);
        Double above = score(task.getVariable(MERGE_AT_OR_ABOVE));
        if (mode == null && above == null) {
            crossReference.decide(exchangeId, ticked, user.id());
            task.setVariable(DraftingProcess.POSSIBLE_DUPLICATE_COUNT, crossReference.openPairs(exchangeId));
            return;
        }
        String decision = mode == null ? "AS_TICKED" : in.choice(PAGE_DECISION, PAGE_DECISIONS);
        List<Long> page = pageIds(task.getVariable(PAGE_IDS));
        page.retainAll(open);
        Set<Long> merge = new LinkedHashSet<>();
        switch (decision) {
            case "MERGE_PAGE" -> merge.addAll(page);
            case "KEEP_PAGE" -> { }
            default -> merge.addAll(ticked);
        }
        Set<Long> decided = new LinkedHashSet<>(page);
        if (above != null) {
            List<Long> bulk = crossReference.openPairIdsAtOrAbove(exchangeId, above);
            merge.addAll(bulk);
            decided.addAll(bulk);
        }
        decided.addAll(ticked);
        crossReference.decide(exchangeId, merge, decided, user.id());
        task.setVariable(DraftingProcess.POSSIBLE_DUPLICATE_COUNT, crossReference.openPairs(exchangeId));
        // the next page starts blank: a tick or bulk choice of this page must not carry over to it
        for (String f : List.of(DraftingProcess.PAIRS_TO_MERGE, PAGE_DECISION, MERGE_AT_OR_ABOVE)) {
            task.removeVariable(f);
        }
    }

    private static Double score(Object v) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : new BigDecimal(v.toString().strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw FormInput.invalid(MERGE_AT_OR_ABOVE, "'" + MERGE_AT_OR_ABOVE + "' must be a score between 0 and 1");
        }
        if (!(d >= 0 && d <= 1)) {
            throw FormInput.invalid(MERGE_AT_OR_ABOVE, "'" + MERGE_AT_OR_ABOVE + "' must be a score between 0 and 1");
        }
        return d;
    }

    private static List<Long> pageIds(Object v) {
        List<Long> out = new ArrayList<>();
        if (v instanceof String s && !s.isBlank()) {
            for (String p : s.split(",")) {
                out.add(Long.valueOf(p.strip()));
            }
        }
        return out;
    }
}
