package org.powexchange.handover;

import java.util.UUID;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.exchange.Parity;
import org.powexchange.people.CriminalProceedingsRepository;
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
    private final CriminalProceedingsRepository proceedings;

    public HandoverOptions(ListEntryRepository entries, CriminalProceedingsRepository proceedings) {
        this.entries = entries;
        this.proceedings = proceedings;
    }

    /** Everyone scheduled in the phase, either side (who may have refused at the crossing). */
    public SpinJsonNode everyone(String exchangeId, Object phaseNo) {
        SpinJsonNode list = options(exchangeId, phaseNo, Side.BRING_HOME);
        options(exchangeId, phaseNo, Side.RELEASE).elements().forEach(list::append);
        return list;
    }

    /** People we hold in the phase with recorded criminal proceedings, never art. 109: who may be held back (art. 119). */
    public SpinJsonNode withProceedings(String exchangeId, Object phaseNo) {
        UUID ex = UUID.fromString(exchangeId);
        SpinJsonNode list = Spin.JSON("[]");
        for (ListEntryRepository.Row r : entries.phaseRows(ex, ((Number) phaseNo).intValue())) {
            if (r.entry().list() != Side.RELEASE || r.entry().status() != EntryStatus.SCHEDULED
                    || Parity.apart(r.person())) {
                continue;
            }
            proceedings.forPerson(ex, r.person().id()).stream().reduce((a, b) -> b).ifPresent(p -> {
                SpinJsonNode o = Spin.JSON("{}");
                o.prop("label", label(r.person()) + " – case " + p.caseReference() + ", " + p.authority());
                o.prop("value", String.valueOf(r.person().id()));
                list.append(o);
            });
        }
        return list;
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
        return p.displayName() + (Parity.apart(p) ? " – seriously wounded/sick (art. 109)" : "");
    }
}
