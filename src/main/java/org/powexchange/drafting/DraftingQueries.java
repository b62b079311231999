package org.powexchange.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Component;

/**
 * What the drafter sees: each person with their sources, life status and the decision that placed
 * them (for {@code GET /api/exchanges/{id}/drafting/people}), and the summaries shown in the
 * "Confirm the lists" form (task-local, computed when the task is created).
 */
@Component("listsOverview")
public class DraftingQueries {

    public record PersonView(long personId, String side, String familyName, String givenName, String patronymic,
                             String birthDate,
                             String serviceNumber, String category, boolean seriouslyWoundedSick, String lifeStatus,
                             String lifeBasis, String wouldConfirm, String listStatus, Integer rank,
                             String statusReason, Integer priorityGroup, String priorityCategory, boolean reviewFlag,
                             String reviewReason, String decisionInputs, String decisionOutputs, List<String> sources,
                             Double lowestMatchConfidence) {
    }

    private final ListEntryRepository entries;
    private final SourceRecordRepository records;
    private final DraftingRepository drafting;

    public DraftingQueries(ListEntryRepository entries, SourceRecordRepository records, DraftingRepository drafting) {
        this.entries = entries;
        this.records = records;
        this.drafting = drafting;
    }

    public List<PersonView> people(UUID exchangeId) {
        Map<Long, Map<String, Object>> assessments = drafting.assessments(exchangeId);
        Map<Long, List<SourceRecord>> recs = records.forExchange(exchangeId).stream().filter(r -> r.personId() != null)
                .collect(Collectors.groupingBy(SourceRecord::personId));
        List<PersonView> out = new ArrayList<>();
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            var p = r.person();
            Map<String, Object> a = assessments.getOrDefault(p.id(), Map.of());
            List<SourceRecord> rs = recs.getOrDefault(p.id(), List.of());
            out.add(new PersonView(p.id(), p.side().name(), p.familyName(), p.givenName(), p.patronymic(),
                    p.birthDate() == null ? null : p.birthDate().toString(), p.serviceNumber(), p.category().name(),
                    p.seriouslyWoundedSick(), p.lifeStatus().name(), (String) a.get("life_basis"),
                    (String) a.get("would_confirm"), r.entry().status().name(), r.entry().rankNo(),
                    r.entry().statusReason(), a.get("priority_group") == null ? null : ((Number) a.get("priority_group")).intValue(),
                    (String) a.get("priority_category"), Boolean.TRUE.equals(a.get("review_flag")),
                    (String) a.get("review_reason"), (String) a.get("decision_inputs"), (String) a.get("decision_outputs"),
                    rs.stream().map(SourceRecord::label).toList(),
                    rs.stream().map(SourceRecord::matchConfidence).filter(java.util.Objects::nonNull)
                            .min(Double::compare).orElse(null)));
        }
        return out;
    }

    /** Counts of the proposed lists per priority category, plus reserve and tracked. */
    public String categories(String exchangeId) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PersonView v : people(UUID.fromString(exchangeId))) {
            String key = label(v.side()) + ": " + switch (v.listStatus()) {
                case "PROPOSED" -> "proposed, " + v.priorityCategory();
                case "RESERVE" -> "reserve";
                case "TRACKED" -> "tracked (" + v.lifeStatus() + ")";
                default -> v.listStatus();
            };
            counts.merge(key, 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    public String flagged(String exchangeId) {
        return lines(people(UUID.fromString(exchangeId)).stream().filter(PersonView::reviewFlag)
                .map(v -> name(v) + " – " + v.reviewReason() + " (" + v.listStatus() + ")").toList(),
                "nobody is flagged for intelligence and security review");
    }

    public String uncertain(String exchangeId) {
        return lines(people(UUID.fromString(exchangeId)).stream()
                .filter(v -> "UNCONFIRMED".equals(v.lifeStatus()) || (v.lowestMatchConfidence() != null
                        && v.lowestMatchConfidence() < 0.95))
                .map(v -> name(v) + " – " + ("UNCONFIRMED".equals(v.lifeStatus())
                        ? "life unconfirmed (" + v.lifeBasis() + "); would confirm: " + v.wouldConfirm()
                        : "sources matched with confidence " + v.lowestMatchConfidence() + ": " + v.sources()))
                .toList(), "nobody is uncertain");
    }

    public String proposed(String exchangeId, String side) {
        return lines(people(UUID.fromString(exchangeId)).stream()
                .filter(v -> v.side().equals(side) && (EntryStatus.PROPOSED.name().equals(v.listStatus())
                        || EntryStatus.RESERVE.name().equals(v.listStatus())))
                .map(v -> v.rank() + ". " + name(v) + " – " + (v.listStatus().equals("RESERVE") ? "RESERVE" : v.statusReason()))
                .toList(), "nobody");
    }

    private static String name(PersonView v) {
        return v.familyName() + " " + v.givenName() + (v.patronymic() == null ? "" : " " + v.patronymic())
                + (v.birthDate() == null ? "" : " (b. " + v.birthDate() + ")");
    }

    private static String label(String side) {
        return Side.BRING_HOME.name().equals(side) ? "to bring home" : "to release";
    }

    /** Camunda keeps a String variable in 4000 characters; longer overviews end with how many are left out. */
    static final int MAX_TEXT = 3900;

    private static String lines(List<String> l, String none) {
        if (l.isEmpty()) {
            return none;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            String more = "\n… and " + (l.size() - i) + " more (GET /api/exchanges/{id}/drafting/people)";
            if (out.length() + l.get(i).length() + 1 + more.length() > MAX_TEXT) {
                return out.append(more).toString();
            }
            out.append(i == 0 ? "" : "\n").append(l.get(i));
        }
        return out.toString();
    }
}
