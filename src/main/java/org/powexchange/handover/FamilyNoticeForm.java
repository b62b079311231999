package org.powexchange.handover;

import java.util.UUID;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What "Notify the families" (forms/notify-families.form) shows: a task-local JSON list, one row per family
 * still to be told, with the fields the Ombudsman fills in (outcome, note) left empty; and the retry timer.
 */
@Component("familyNotices")
public class FamilyNoticeForm {

    private final FamilyNotificationService families;

    public FamilyNoticeForm(FamilyNotificationService families) {
        this.families = families;
    }

    public SpinJsonNode rows(String exchangeId, Object phaseNo) {
        SpinJsonNode rows = Spin.JSON("[]");
        for (FamilyNotificationService.FamilyRow f : families.outstanding(UUID.fromString(exchangeId),
                ((Number) phaseNo).intValue())) {
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("personId", String.valueOf(f.personId()));
            row.prop("person", f.person() + ("theirs".equals(f.side()) ? " – their side, held by us" : ""));
            row.prop("reason", f.reason());
            row.prop("relative", f.relative().isEmpty() ? "–" : f.relative());
            row.prop("contact", f.contact());
            row.prop("earlier", f.earlier().isEmpty() ? "first attempt" : f.earlier());
            row.prop("note", "");
            rows.append(row);
        }
        return rows;
    }

    /** The timer before families not reached come back, ISO 8601 (powexchange.families.retry-after). */
    public String retryAfter() {
        return families.retryAfter();
    }
}
