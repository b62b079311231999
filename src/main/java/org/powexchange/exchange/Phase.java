package org.powexchange.exchange;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One phase of the handover, with its due time and, once done, its parity figures. */
public record Phase(UUID exchangeId, int phaseNo, int plannedSize, OffsetDateTime dueAt, String status,
                    OffsetDateTime startedAt, OffsetDateTime completedAt, Integer receivedCount,
                    Integer handedOverCount, Integer art109Count, Boolean parityHolds) {

    public static final String PLANNED = "PLANNED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String OVERDUE = "OVERDUE";
    public static final String COMPLETED = "COMPLETED";
}
