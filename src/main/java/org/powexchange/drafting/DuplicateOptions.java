package org.powexchange.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.matching.RecordMatcher;
import org.springframework.stereotype.Component;

/**
 * The open possible duplicates for "Resolve possible duplicates", one page at a time, highest score first:
 * each pair side by side (every source record of both people) followed by the fields in which they differ.
 * A page is small enough for Tasklist however many pairs are open; the task comes back until none is left.
 */
@Component("duplicateOptions")
public class DuplicateOptions {

    /** Pairs shown and decided per round of the task. */
    public static final int PAGE_SIZE = 50;

    private final CrossReferenceService crossReference;
    private final SourceRecordRepository records;

    public DuplicateOptions(CrossReferenceService crossReference, SourceRecordRepository records) {
        this.crossReference = crossReference;
        this.records = records;
    }

    public SpinJsonNode pairs(String exchangeId) {
        SpinJsonNode list = Spin.JSON("[]");
        for (Map<String, Object> p : crossReference.openPairPage(UUID.fromString(exchangeId), PAGE_SIZE)) {
            List<SourceRecord> a = records.forPerson(((Number) p.get("person_id")).longValue());
            List<SourceRecord> b = records.forPerson(((Number) p.get("other_person_id")).longValue());
            SpinJsonNode o = Spin.JSON("{}");
            o.prop("label", "score " + p.get("score") + ": " + describe(a) + "  ⟷  " + describe(b) + differences(a, b));
            o.prop("value", String.valueOf(p.get("id")));
            list.append(o);
        }
        return list;
    }

    /** The ids of the pairs on the page shown, comma-separated: the task decides exactly these. */
    public String pageIds(String exchangeId) {
        return crossReference.openPairPage(UUID.fromString(exchangeId), PAGE_SIZE).stream()
                .map(p -> String.valueOf(p.get("id"))).collect(Collectors.joining(","));
    }

    public String summary(String exchangeId) {
        int open = crossReference.openPairs(UUID.fromString(exchangeId));
        int page = Math.min(open, PAGE_SIZE);
        return page + " of " + open + " open pairs on this page, highest score first"
                + (open > page ? "; the task returns with the next page until every pair is decided" : "");
    }

    private static String describe(List<SourceRecord> recs) {
        return recs.stream().map(r -> r.familyName() + " " + r.givenName()
                        + (r.patronymic() == null ? "" : " " + r.patronymic())
                        + (r.birthDate().isKnown() ? " b. " + r.birthDate() : "")
                        + (r.serviceNumber() == null ? "" : " no. " + r.serviceNumber()) + " [" + r.label() + "]")
                .collect(Collectors.joining(" / "));
    }

    /** What differs between the two people's first records, as the drafter should check it. */
    static String differences(List<SourceRecord> a, List<SourceRecord> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return "";
        }
        SourceRecord x = a.get(0);
        SourceRecord y = b.get(0);
        List<String> d = new ArrayList<>();
        differ(d, "family name", x.familyName(), y.familyName());
        differ(d, "given name", x.givenName(), y.givenName());
        differ(d, "patronymic", x.patronymic(), y.patronymic());
        differ(d, "birth date", x.birthDate().isKnown() ? x.birthDate().toString() : null,
                y.birthDate().isKnown() ? y.birthDate().toString() : null);
        if (!Objects.equals(RecordMatcher.normaliseService(x.serviceNumber()), RecordMatcher.normaliseService(y.serviceNumber()))) {
            d.add("service number (" + dash(x.serviceNumber()) + " / " + dash(y.serviceNumber()) + ")");
        }
        return d.isEmpty() ? " — no field differs" : " — differs: " + String.join(", ", d);
    }

    private static void differ(List<String> d, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            d.add(field + " (" + dash(a) + " / " + dash(b) + ")");
        }
    }

    private static String dash(String s) {
        return s == null ? "–" : s;
    }
}
