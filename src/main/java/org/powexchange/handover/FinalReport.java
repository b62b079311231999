package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.powexchange.people.LawfulRecordsService;

/** The record that closes an exchange: every phase, with totals, who is held back and who is still claimed. */
public record FinalReport(UUID exchangeId, String agreementRef, int formulaSize, OffsetDateTime ratifiedAt,
                          String ratificationDoc, String status, OffsetDateTime completedAt, Totals totals,
                          boolean allPhasesBalanced, List<PhaseLine> phases,
                          List<LawfulRecordsService.HeldBack> heldBackUnderArt119,
                          List<LawfulRecordsService.StillClaimed> stillClaimed) {

    public record Totals(int repatriated, int released, int art109, int notExchanged, int discrepancies,
                         int heldBackUnderArt119, int stillClaimed) {
    }

    public record PhaseLine(int phaseNo, String status, OffsetDateTime dueAt, OffsetDateTime completedAt,
                            Integer received, Integer handedOver, Integer art109, Boolean parityHolds,
                            int discrepancies) {
    }
}
