package org.powexchange.handover;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.powexchange.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handover officer's bulk confirmation of who crossed in each direction (hundreds in one call),
 * and the phase and final reports as JSON and CSV.
 */
@RestController
@RequestMapping("/api/exchanges/{id}")
@Validated
public class HandoverController {

    public record Crossings(@NotNull @Size(max = 20000) List<@NotNull Long> received,
                           @NotNull @Size(max = 20000) List<@NotNull Long> handedOver,
                           @Size(max = 20000) List<@NotNull Long> refused,
                           @Size(max = 2000) String remark) {
    }

    /** The other side's manifest: people of ours they brought; the Staff may add art. 119 hold-backs. */
    public record Manifest(@NotNull @Size(max = 20000) List<@NotNull Long> brought,
                           @Size(max = 20000) List<@NotNull Long> heldForProceedings,
                           @Size(max = 2000) String remark) {
    }

    /** A second official's correction of one confirmation. */
    public record Correction(@NotNull Long personId, @NotNull Boolean crossed,
                             @jakarta.validation.constraints.NotBlank @Size(max = 2000) String reason) {
    }

    /** What the manifest decided on the phase. */
    public record ManifestRecorded(int phaseNo, PhaseReport.ManifestStatus manifest,
                                   List<HandoverRepository.Discrepancy> discrepancies) {
    }

    /** The phase after the handover: its parity, discrepancies and how many crossings are confirmed. */
    public record HandoverConfirmed(int phaseNo, PhaseReport.PhaseParity parity,
                                    List<HandoverRepository.Discrepancy> discrepancies, int confirmed) {
    }

    /** The phase's parity after a correction, and every correction of the phase. */
    public record Corrected(int phaseNo, HandoverService.ParityCheck parity, List<PhaseReport.CorrectionRecord> corrections) {
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final HandoverService handover;
    private final PhaseReportService reports;
    private final HandoverTaskService steps;
    private final CurrentUser user;

    public HandoverController(HandoverService handover, PhaseReportService reports, HandoverTaskService steps,
                              CurrentUser user) {
        this.handover = handover;
        this.reports = reports;
        this.steps = steps;
        this.user = user;
    }

    /**
     * Records the other side's manifest (Staff or neutral party) by completing the phase's "Record the other
     * side's manifest" step; answers with what was decided on it (shortfall, held back, not brought).
     */
    @PostMapping("/phases/{phaseNo}/manifest")
    public ManifestRecorded manifest(@PathVariable UUID id, @PathVariable @Min(1) int phaseNo,
                                     @Valid @RequestBody Manifest body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF, Groups.NEUTRAL_PARTY);
        List<Long> held = body.heldForProceedings() == null ? List.of() : body.heldForProceedings();
        if (!held.isEmpty() && !c.in(Groups.COORDINATION_STAFF)) {
            throw ApiException.forbidden("only the Coordination Staff holds back people for criminal proceedings");
        }
        reports.finalReport(id); // 404 for an unknown exchange
        steps.recordManifest(id, phaseNo, body.brought(), held, body.remark(), c);
        PhaseReport report = reports.phase(id, phaseNo);
        return new ManifestRecorded(phaseNo, report.manifest(), report.discrepancies());
    }

    /** Completes the phase's "Confirm who crossed" step; answers with the phase report (parity, refused, moved on). */
    @PostMapping("/phases/{phaseNo}/handover")
    public HandoverConfirmed confirm(@PathVariable UUID id, @PathVariable @Min(1) int phaseNo,
                                     @Valid @RequestBody Crossings body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        reports.finalReport(id); // 404 for an unknown exchange
        steps.confirmCrossings(id, phaseNo, body.received(), body.handedOver(),
                body.refused() == null ? List.of() : body.refused(), body.remark(), c);
        PhaseReport report = reports.phase(id, phaseNo);
        return new HandoverConfirmed(phaseNo, report.parity(), report.discrepancies(), report.people().size());
    }

    /** A second official of the Staff corrects a mistaken confirmation (four eyes), with the reason; audited. */
    @PostMapping("/phases/{phaseNo}/corrections")
    public Corrected correct(@PathVariable UUID id, @PathVariable @Min(1) int phaseNo,
                             @Valid @RequestBody Correction body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        reports.finalReport(id); // 404 for an unknown exchange
        HandoverService.ParityCheck p = handover.correct(id, phaseNo, body.personId(), body.crossed(), body.reason(),
                c.id());
        return new Corrected(phaseNo, p, reports.phase(id, phaseNo).corrections());
    }

    @GetMapping("/phases/{phaseNo}/report")
    public PhaseReport phaseReport(@PathVariable UUID id, @PathVariable int phaseNo) {
        user.require(Groups.COORDINATION_STAFF);
        return reports.phase(id, phaseNo);
    }

    @GetMapping(value = "/phases/{phaseNo}/report.csv")
    @ApiResponse(responseCode = "200", description = "The phase report as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public ResponseEntity<String> phaseReportCsv(@PathVariable UUID id, @PathVariable int phaseNo) {
        user.require(Groups.COORDINATION_STAFF);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"phase-" + phaseNo + ".csv\"")
                .body(reports.phaseCsv(id, phaseNo));
    }

    @GetMapping("/report")
    public FinalReport finalReport(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return reports.finalReport(id);
    }
}
