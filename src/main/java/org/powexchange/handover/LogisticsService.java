package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness of a phase: the Ministry of Internal Affairs (transport and police escort of the people we
 * release, their documents) and the Ministry of Defence (transport, military and medical escort,
 * documents of those who return) report; the Staff gives go only when both are ready.
 */
@Service
public class LogisticsService {

    private final HandoverRepository records;
    private final ListEntryRepository entries;
    private final AuditLog audit;

    public LogisticsService(HandoverRepository records, ListEntryRepository entries, AuditLog audit) {
        this.records = records;
        this.entries = entries;
        this.audit = audit;
    }

    /** Whether anyone scheduled in the phase is seriously wounded or sick, so a medical escort is needed. */
    public boolean needsMedicalEscort(UUID exchangeId, int phaseNo) {
        return entries.phaseRows(exchangeId, phaseNo).stream()
                .anyMatch(r -> r.entry().status() == EntryStatus.SCHEDULED && r.person().seriouslyWoundedSick());
    }

    /** Records the agency's report; returns whether the agency is ready. */
    @Transactional
    public boolean report(UUID exchangeId, int phaseNo, String agency, boolean transport, boolean escort,
                          boolean medicalEscort, boolean documents, String comment, String actor) {
        boolean medicalOk = medicalEscort || !Groups.DEFENCE.equals(agency) || !needsMedicalEscort(exchangeId, phaseNo);
        boolean ready = transport && escort && documents && medicalOk;
        records.logistics(exchangeId, phaseNo, new HandoverRepository.Logistics(agency, transport, escort, medicalEscort,
                documents, ready, comment, actor, OffsetDateTime.now()));
        audit.record(exchangeId, actor, ready ? "LOGISTICS_READY" : "LOGISTICS_NOT_READY",
                "phase " + phaseNo + ", " + agency, comment);
        return ready;
    }

    /** Go only when both ministries report ready; no-go sends the logistics round again. */
    @Transactional
    public void decide(UUID exchangeId, int phaseNo, boolean go, String comment, String actor) {
        if (go) {
            List<HandoverRepository.Logistics> reports = records.logistics(exchangeId, phaseNo);
            for (String agency : List.of(Groups.INTERIOR, Groups.DEFENCE)) {
                boolean ready = reports.stream().anyMatch(l -> l.agency().equals(agency) && l.ready());
                if (!ready) {
                    throw new NotReadyException(agency);
                }
            }
        }
        audit.record(exchangeId, actor, go ? "HANDOVER_GO" : "HANDOVER_NO_GO", "phase " + phaseNo, comment);
    }

    static class NotReadyException extends RuntimeException {
        final String agency;

        NotReadyException(String agency) {
            super(Groups.displayName(agency) + " has not reported ready");
            this.agency = agency;
        }
    }
}
