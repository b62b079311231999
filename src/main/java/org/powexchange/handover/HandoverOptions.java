package org.powexchange.handover;

import java.util.UUID;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;
import org.springframework.stereotype.Component;

/**
 * The people of a phase as checklist options for the handover form (task-local, so they vanish
 * with the task): label for the officer, person id as value.
 */
@Component("handoverOptions")
public class HandoverOptions {

    private final ListEntryRepository entries;

    public HandoverOptions(ListEntryRepository entries) {
        this.entries = entries;
    }

    public SpinJsonNode bringHome(String exchangeId, Object phaseNo) {
        return options(exchangeId, phaseNo, Side.BRING_HOME);
    }

    public SpinJsonNode release(String exchangeId, Object phaseNo) {
        return options(exchangeId, phaseNo, Side.RELEASE);
    }

    private SpinJsonNode options(String exchangeId, Object phaseNo, Side side) {
        SpinJsonNode list = Spin.JSON("[]");
        for (ListEntryRepository.Row r : entries.phaseRows(UUID.fromString(exchangeId), ((Number) phaseNo).intValue())) {
            if (r.entry().list() != side || r.entry().status() != EntryStatus.SCHEDULED) {
                continue;
            }
            SpinJsonNode o = Spin.JSON("{}");
            o.prop("label", label(r.person()));
            o.prop("value", String.valueOf(r.person().id()));
            list.append(o);
        }
        return list;
    }

    static String label(Person p) {
        return p.displayName() + (p.seriouslyWoundedSick() ? " – seriously wounded/sick (art. 109)" : "");
    }
}
