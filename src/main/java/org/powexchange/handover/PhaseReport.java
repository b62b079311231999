package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The report of one phase: who crossed and when, its parity, discrepancies, corrections, deadline events. */
public record PhaseReport(UUID exchangeId, String agreementRef, int phaseNo, int plannedSize, OffsetDateTime dueAt,
                          String status, OffsetDateTime startedAt, OffsetDateTime completedAt, PhaseParity parity,
                          List<Crossing> people, List<HandoverRepository.Discrepancy> discrepancies,
                          ManifestStatus manifest, List<CorrectionRecord> corrections,
                          List<HandoverRepository.Alert> deadlineEvents, List<HandoverRepository.Logistics> logistics) {

    /** The phase's counted figures; empty until the handover has been confirmed. */
    public record PhaseParity(Integer received, Integer handedOver, Integer art109, Boolean holds) {
    }

    /** One confirmed crossing (or refusal), with the person's standing now. */
    public record Crossing(int phaseNo, long personId, String externalRef, String side, String familyName,
                           String givenName, boolean art109, boolean crossed, OffsetDateTime confirmedAt,
                           String confirmedBy, String status, String discrepancy, String statusReason,
                           String familyNotification, String medicalIntake) {
    }

    /** Whether the other side's manifest is recorded, and whom it brought. */
    public record ManifestStatus(boolean recorded, Set<Long> brought) {
    }

    /** A confirmation corrected by a second official (four eyes). */
    public record CorrectionRecord(long personId, boolean crossedBefore, boolean crossedAfter, String reason,
                             String confirmedBy, String correctedBy, OffsetDateTime correctedAt) {
    }
}
