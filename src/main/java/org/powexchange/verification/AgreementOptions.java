package org.powexchange.verification;

import java.util.List;
import java.util.UUID;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.Side;
import org.powexchange.verification.CounterpartyRepository.MatchKind;
import org.springframework.stereotype.Component;

/**
 * Task-local inputs of "Agree final lists": checklist options per side (label for the official, person
 * id as value), the pre-ticked people (on both lists, and art. 109 people), and the names the other
 * side gave that we do not hold on our list.
 */
@Component("agreementOptions")
public class AgreementOptions {

    private final ReconciliationService reconciliation;
    private final CounterpartyRepository counterparty;

    public AgreementOptions(ReconciliationService reconciliation, CounterpartyRepository counterparty) {
        this.reconciliation = reconciliation;
        this.counterparty = counterparty;
    }

    public SpinJsonNode options(String exchangeId, Object listId, String side) {
        SpinJsonNode list = Spin.JSON("[]");
        for (ReconciliationService.Option o : all(exchangeId, listId, side)) {
            SpinJsonNode n = Spin.JSON("{}");
            n.prop("label", o.label());
            n.prop("value", String.valueOf(o.personId()));
            list.append(n);
        }
        return list;
    }

    /** Our seriously wounded and sick on the lists: the only people the Staff may record as refused by the other side. */
    public SpinJsonNode art109Home(String exchangeId, Object listId) {
        SpinJsonNode list = Spin.JSON("[]");
        for (ReconciliationService.Option o : all(exchangeId, listId, Side.BRING_HOME.name())) {
            if (o.art109()) {
                SpinJsonNode n = Spin.JSON("{}");
                n.prop("label", o.label());
                n.prop("value", String.valueOf(o.personId()));
                list.append(n);
            }
        }
        return list;
    }

    public SpinJsonNode preselected(String exchangeId, Object listId, String side) {
        SpinJsonNode list = Spin.JSON("[]");
        all(exchangeId, listId, side).stream().filter(ReconciliationService.Option::preselected)
                .forEach(o -> list.append(String.valueOf(o.personId())));
        return list;
    }

    public String unknownToUs(Object listId) {
        StringBuilder sb = new StringBuilder();
        long id = ((Number) listId).longValue();
        java.util.Map<Long, List<Long>> candidates = counterparty.candidates(id);
        for (CounterpartyRepository.Entry e : counterparty.entries(id)) {
            if (e.matchKind() == MatchKind.UNKNOWN_TO_US) {
                sb.append(e.side() == Side.BRING_HOME ? "offered: " : "asked for: ")
                        .append(e.familyName()).append(' ').append(e.givenName())
                        .append(e.birthDate() == null ? "" : " (b. " + e.birthDate() + ")");
                List<Long> maybe = candidates.get(e.id());
                if (maybe != null) {
                    // ambiguous: both (all) of our people it might be, by the label the checklist shows
                    sb.append(" – might be ").append(maybe.stream().map(counterparty::personLabel)
                            .collect(java.util.stream.Collectors.joining(" or ")));
                }
                sb.append('\n');
            }
        }
        return sb.isEmpty() ? "none" : sb.toString().strip();
    }

    private List<ReconciliationService.Option> all(String exchangeId, Object listId, String side) {
        return reconciliation.options(UUID.fromString(exchangeId), ((Number) listId).longValue(), Side.valueOf(side));
    }
}
