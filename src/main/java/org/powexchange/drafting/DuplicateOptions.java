package org.powexchange.drafting;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** The open possible duplicates as checklist options for "Resolve possible duplicates", side by side. */
@Component("duplicateOptions")
public class DuplicateOptions {

    private final CrossReferenceService crossReference;
    private final SourceRecordRepository records;

    public DuplicateOptions(CrossReferenceService crossReference, SourceRecordRepository records) {
        this.crossReference = crossReference;
        this.records = records;
    }

    public SpinJsonNode pairs(String exchangeId) {
        SpinJsonNode list = Spin.JSON("[]");
        for (Map<String, Object> p : crossReference.openPairList(UUID.fromString(exchangeId))) {
            SpinJsonNode o = Spin.JSON("{}");
            o.prop("label", describe(((Number) p.get("person_id")).longValue()) + "  ⟷  "
                    + describe(((Number) p.get("other_person_id")).longValue()) + "  (score " + p.get("score") + ")");
            o.prop("value", String.valueOf(p.get("id")));
            list.append(o);
        }
        return list;
    }

    private String describe(long personId) {
        List<SourceRecord> recs = records.forPerson(personId);
        return recs.stream().map(r -> r.familyName() + " " + r.givenName()
                        + (r.birthDate().isKnown() ? " b. " + r.birthDate() : "")
                        + (r.serviceNumber() == null ? "" : " no. " + r.serviceNumber()) + " [" + r.label() + "]")
                .collect(Collectors.joining(" / "));
    }
}
