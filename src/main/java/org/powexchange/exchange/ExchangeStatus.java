package org.powexchange.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code /api/exchanges} answers for one exchange. {@code counts} is keyed by side, then by
 * "total" and each list status present (the keys depend on the data, so it stays a map of counts).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeStatus(UUID id, String agreementRef, String title, String stage, int formulaSize,
                             List<Integer> phaseSizes, OffsetDateTime ratifiedAt, String ratificationDoc,
                             Map<String, Map<String, Integer>> counts, List<PhaseStatus> phases,
                             boolean parityHolds, OffsetDateTime completedAt) {

    /** One phase; the crossing figures appear once the phase has been counted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhaseStatus(int phaseNo, int plannedSize, OffsetDateTime dueAt, String status, Integer received,
                              Integer handedOver, Integer art109, Boolean parityHolds) {
    }
}
