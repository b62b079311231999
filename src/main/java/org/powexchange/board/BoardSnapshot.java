package org.powexchange.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code /board/api/snapshot} answers: every running exchange as the Staff's board (and Cockpit's
 * "Exchange board" tab) shows it. The nested records are named "Board…" in /v3/api-docs, apart from the
 * /api records called alike. {@code people} is side (BRING_HOME, RELEASE) → list status → how many.
 */
public record BoardSnapshot(OffsetDateTime now, List<ExchangeRow> exchanges) {

    @Schema(name = "BoardExchange")
    public record ExchangeRow(UUID id, String agreementRef, String title, String stage, int formulaSize,
                              String processInstanceId, OffsetDateTime ratifiedAt,
                              Map<String, Map<String, Integer>> people, List<PhaseRow> phases,
                              List<AgencyTasks> tasks, List<IncidentRow> incidents) {
    }

    /** A phase with its warning time (the 36-hour mark) and its deadline. */
    @Schema(name = "BoardPhase")
    public record PhaseRow(int phaseNo, int plannedSize, String status, OffsetDateTime dueAt, OffsetDateTime warnAt,
                           Parity parity, Map<String, Map<String, Integer>> people) {
    }

    /**
     * The counted parity of a phase, art. 109 people apart (they never count against the formula):
     * scheduled per side, and who crossed (the recorded figures once the phase is closed, {@code final}).
     */
    @Schema(name = "BoardParity")
    public record Parity(int scheduledBringHome, int scheduledRelease, int scheduledArt109BringHome,
                         int scheduledArt109Release, int received, int handedOver, int art109Received,
                         int art109HandedOver, boolean holds,
                         @JsonProperty("final") @Schema(name = "final") boolean recorded) {
    }

    /** The open tasks of one agency (candidate group), the overdue ones counted. */
    @Schema(name = "BoardAgencyTasks")
    public record AgencyTasks(String agency, String agencyName, int open, int overdue, List<OpenTask> tasks) {
    }

    @Schema(name = "BoardTask")
    public record OpenTask(String id, String name, String assignee, Instant created, Instant due, boolean overdue) {
    }

    @Schema(name = "BoardIncident")
    public record IncidentRow(String id, String type, String activityId, String processInstanceId, String message,
                              Instant time) {
    }
}
