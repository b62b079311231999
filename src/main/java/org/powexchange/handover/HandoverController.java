package org.powexchange.handover;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.people.Side;
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
                           @Size(max = 2000) String remark) {
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final HandoverService handover;
    private final PhaseReportService reports;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CurrentUser user;

    public HandoverController(HandoverService handover, PhaseReportService reports, TaskService tasks,
                              IdentityService identity, CurrentUser user) {
        this.handover = handover;
        this.reports = reports;
        this.tasks = tasks;
        this.identity = identity;
        this.user = user;
    }

    /** Completes the phase's "Confirm who crossed" step; answers with the phase report (parity, held back, moved on). */
    @PostMapping("/phases/{phaseNo}/handover")
    public Map<String, Object> confirm(@PathVariable UUID id, @PathVariable @Min(1) int phaseNo,
                                       @Valid @RequestBody Crossings body) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        reports.finalReport(id); // 404 for an unknown exchange
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id.toString())
                .processDefinitionKey(HandoverProcess.PROCESS_KEY)
                .taskDefinitionKey(HandoverProcess.TASK_CONFIRM_HANDOVER)
                .list().stream()
                .filter(t -> tasks.getVariable(t.getId(), ExchangeProcess.VAR_PHASE_NO) instanceof Number n
                        && n.intValue() == phaseNo)
                .findFirst().orElse(null);
        if (task == null) {
            throw ApiException.conflict(null, "phase " + phaseNo + " is not waiting for the handover confirmation");
        }
        check("received", body.received(), handover.scheduled(id, phaseNo, Side.BRING_HOME));
        check("handedOver", body.handedOver(), handover.scheduled(id, phaseNo, Side.RELEASE));
        identity.setAuthentication(c.id(), c.groups());
        try {
            tasks.complete(task.getId(), Variables.createVariables()
                    .putValue(HandoverProcess.CROSSED_HOME, join(body.received()))
                    .putValue(HandoverProcess.CROSSED_RELEASED, join(body.handedOver()))
                    .putValue(HandoverProcess.HANDOVER_COMMENT, body.remark()));
        } catch (ProcessEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FormFieldValidationException f) {
                    Object field = f.getDetail();
                    throw ApiException.badRequest(field == null ? null : String.valueOf(field), f.getMessage());
                }
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
        Map<String, Object> report = reports.phase(id, phaseNo);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phaseNo", phaseNo);
        out.put("parity", report.get("parity"));
        out.put("discrepancies", report.get("discrepancies"));
        out.put("confirmed", ((List<?>) report.get("people")).size());
        return out;
    }

    @GetMapping("/phases/{phaseNo}/report")
    public Map<String, Object> phaseReport(@PathVariable UUID id, @PathVariable int phaseNo) {
        user.require(Groups.COORDINATION_STAFF);
        return reports.phase(id, phaseNo);
    }

    @GetMapping(value = "/phases/{phaseNo}/report.csv")
    public ResponseEntity<String> phaseReportCsv(@PathVariable UUID id, @PathVariable int phaseNo) {
        user.require(Groups.COORDINATION_STAFF);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"phase-" + phaseNo + ".csv\"")
                .body(reports.phaseCsv(id, phaseNo));
    }

    @GetMapping("/report")
    public Map<String, Object> finalReport(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return reports.finalReport(id);
    }

    private static void check(String field, List<Long> ids, Set<Long> scheduled) {
        Set<Long> seen = new HashSet<>();
        for (Long pid : ids) {
            if (!scheduled.contains(pid)) {
                throw ApiException.badRequest(field, "person " + pid + " is not scheduled on this side in this phase");
            }
            if (!seen.add(pid)) {
                throw ApiException.badRequest(field, "person " + pid + " is listed twice");
            }
        }
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
