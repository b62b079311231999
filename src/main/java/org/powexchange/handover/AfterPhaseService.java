package org.powexchange.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a phase: those who came home are repatriated, the families to tell get their notices (see
 * {@link FamilyNotificationService}), and the returned seriously wounded and sick go to medical intake (Ministry of Defence:
 * its military hospitals receive returned prisoners of war).
 */
@Service
public class AfterPhaseService {

    public record Closed(int returned, int returnedWounded, int familiesToNotify) {
    }

    private final ListEntryRepository entries;
    private final PhaseRepository phases;
    private final HandoverRepository records;
    private final FamilyNotificationService families;
    private final AuditLog audit;

    public AfterPhaseService(ListEntryRepository entries, PhaseRepository phases, HandoverRepository records,
                             FamilyNotificationService families, AuditLog audit) {
        this.entries = entries;
        this.phases = phases;
        this.records = records;
        this.families = families;
        this.audit = audit;
    }

    @Transactional
    public Closed close(UUID exchangeId, int phaseNo) {
        int returned = 0;
        int wounded = 0;
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            if (r.entry().list() != Side.BRING_HOME || r.entry().status() != EntryStatus.HANDED_OVER) {
                continue;
            }
            entries.setStatus(r.entry().id(), EntryStatus.REPATRIATED, "returned in phase " + phaseNo);
            returned++;
            wounded += r.person().seriouslyWoundedSick() ? 1 : 0;
        }
        int families = this.families.open(exchangeId, phaseNo);
        phases.complete(exchangeId, phaseNo);
        audit.record(exchangeId, "system", "PHASE_COMPLETED", "phase " + phaseNo,
                returned + " repatriated, " + wounded + " of them seriously wounded or sick; " + families
                        + " families to notify");
        return new Closed(returned, wounded, families);
    }

    /** The returned seriously wounded and sick of a phase (person ids). */
    public List<Long> returnedWounded(UUID exchangeId, int phaseNo) {
        List<Long> out = new ArrayList<>();
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            if (r.entry().list() == Side.BRING_HOME && r.entry().status() == EntryStatus.REPATRIATED
                    && r.person().seriouslyWoundedSick()) {
                out.add(r.person().id());
            }
        }
        return out;
    }

    @Transactional
    public int medicalIntake(UUID exchangeId, int phaseNo, String facility, String comment, String actor) {
        List<Long> wounded = returnedWounded(exchangeId, phaseNo);
        wounded.forEach(id -> records.medicalIntake(exchangeId, id, phaseNo, facility, comment, actor));
        audit.record(exchangeId, actor, "MEDICAL_INTAKE", "phase " + phaseNo, wounded.size() + " admitted to " + facility);
        return wounded.size();
    }
}
