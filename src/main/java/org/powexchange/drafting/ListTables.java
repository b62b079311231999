package org.powexchange.drafting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.EntryStatus;
import org.springframework.stereotype.Component;

/**
 * The rows of the tables in "Confirm the lists" (forms/confirm-lists.form): task-local JSON variables, one
 * row per person with the columns the drafter decides on, paged by the form; no text cut at 4,000 characters.
 */
@Component("listTables")
public class ListTables {

    private final DraftingQueries queries;

    public ListTables(DraftingQueries queries) {
        this.queries = queries;
    }

    /** The proposed list of one side in rank order, then its reserve. */
    public SpinJsonNode proposed(String exchangeId, String side) {
        return rows(exchangeId, v -> v.side().equals(side) && (EntryStatus.PROPOSED.name().equals(v.listStatus())
                || EntryStatus.RESERVE.name().equals(v.listStatus())));
    }

    public SpinJsonNode flagged(String exchangeId) {
        return rows(exchangeId, DraftingQueries.PersonView::reviewFlag);
    }

    /** Life unconfirmed, or sources joined with a match confidence below 0.95. */
    public SpinJsonNode uncertain(String exchangeId) {
        return rows(exchangeId, v -> "UNCONFIRMED".equals(v.lifeStatus())
                || (v.lowestMatchConfidence() != null && v.lowestMatchConfidence() < 0.95));
    }

    /** How many per side, list and priority category. */
    public SpinJsonNode categories(String exchangeId) {
        Map<String, Integer> counts = new TreeMap<>();
        for (DraftingQueries.PersonView v : queries.people(UUID.fromString(exchangeId))) {
            String group = switch (v.listStatus()) {
                case "PROPOSED" -> "proposed – " + (v.priorityCategory() == null ? "uncategorised"
                        : v.priorityCategory().toLowerCase().replace('_', ' '));
                case "RESERVE" -> "reserve";
                case "TRACKED" -> "tracked (" + v.lifeStatus().toLowerCase() + ")";
                default -> v.listStatus().toLowerCase();
            };
            counts.merge(side(v.side()) + "\u0000" + group, 1, Integer::sum);
        }
        SpinJsonNode rows = Spin.JSON("[]");
        counts.forEach((k, n) -> {
            String[] parts = k.split("\u0000");
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("side", parts[0]);
            row.prop("group", parts[1]);
            row.prop("count", n);
            rows.append(row);
        });
        return rows;
    }

    private SpinJsonNode rows(String exchangeId, Predicate<DraftingQueries.PersonView> which) {
        List<DraftingQueries.PersonView> people = queries.people(UUID.fromString(exchangeId)).stream().filter(which)
                .sorted(java.util.Comparator.comparing(DraftingQueries.PersonView::side)
                        .thenComparing(v -> "RESERVE".equals(v.listStatus()))
                        .thenComparing(v -> v.rank() == null ? Integer.MAX_VALUE : v.rank()))
                .toList();
        SpinJsonNode rows = Spin.JSON("[]");
        for (DraftingQueries.PersonView v : people) {
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("rank", v.rank() == null ? "" : String.valueOf(v.rank()));
            row.prop("person", v.familyName() + " " + v.givenName() + (v.patronymic() == null ? "" : " " + v.patronymic()));
            row.prop("born", v.birthDate() == null ? "" : v.birthDate());
            row.prop("side", side(v.side()));
            row.prop("list", v.listStatus().toLowerCase());
            row.prop("category", v.category().toLowerCase() + (v.seriouslyWoundedSick() ? ", art. 109" : ""));
            row.prop("priority", v.priorityCategory() == null ? "" : v.priorityCategory().toLowerCase().replace('_', ' '));
            row.prop("life", v.lifeStatus().toLowerCase().replace('_', ' ')
                    + (v.wouldConfirm() == null || !"UNCONFIRMED".equals(v.lifeStatus()) ? "" : "; would confirm: " + v.wouldConfirm()));
            row.prop("flag", v.reviewFlag() ? (v.reviewReason() == null ? "flagged" : v.reviewReason()) : "");
            row.prop("match", v.lowestMatchConfidence() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                    v.lowestMatchConfidence()));
            rows.append(row);
        }
        return rows;
    }

    private static String side(String side) {
        return "BRING_HOME".equals(side) ? "to bring home" : "to release";
    }
}
