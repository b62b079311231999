package org.powexchange.handover;

import java.util.HashSet;
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
import org.powexchange.security.CurrentUser;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Service;

/**
 * Completes a phase's waiting handover step on behalf of an API caller: finds the step of that phase,
 * completes it as the caller (so the task listeners validate and record exactly as from Tasklist), and
 * turns a form refusal into a refusal naming the API's field.
 */
@Service
public class HandoverTaskService {

    private final HandoverService handover;
    private final TaskService tasks;
    private final IdentityService identity;

    public HandoverTaskService(HandoverService handover, TaskService tasks, IdentityService identity) {
        this.handover = handover;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Completes "Record the other side's manifest" of the phase. */
    public void recordManifest(UUID exchangeId, int phaseNo, List<Long> brought, List<Long> heldForProceedings,
                               String remark, CurrentUser.Caller caller) {
        Task task = waiting(exchangeId, phaseNo, HandoverProcess.TASK_RECORD_MANIFEST, "the other side's manifest");
        complete(task, caller, Variables.createVariables()
                .putValue(HandoverProcess.BROUGHT_HOME, join(brought))
                .putValue(HandoverProcess.HELD_FOR_PROCEEDINGS, join(heldForProceedings))
                .putValue(HandoverProcess.MANIFEST_COMMENT, remark));
    }

    /** Completes "Confirm who crossed" of the phase, once everyone crossing has consented. */
    public void confirmCrossings(UUID exchangeId, int phaseNo, List<Long> received, List<Long> handedOver,
                                 List<Long> refused, String remark, CurrentUser.Caller caller) {
        Task task = waiting(exchangeId, phaseNo, HandoverProcess.TASK_CONFIRM_HANDOVER, "the handover confirmation");
        // consent first: a crossing without it is a conflict with the record (409), not a malformed request
        Set<Long> crossing = new HashSet<>(received);
        crossing.addAll(handedOver);
        handover.requireConsent(exchangeId, received.isEmpty() ? "handedOver" : "received", crossing);
        complete(task, caller, Variables.createVariables()
                .putValue(HandoverProcess.CROSSED_HOME, join(received))
                .putValue(HandoverProcess.CROSSED_RELEASED, join(handedOver))
                .putValue(HandoverProcess.REFUSED_AT_CROSSING, join(refused))
                .putValue(HandoverProcess.HANDOVER_COMMENT, remark));
    }

    private Task waiting(UUID id, int phaseNo, String taskKey, String what) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id.toString())
                .processDefinitionKey(HandoverProcess.PROCESS_KEY)
                .taskDefinitionKey(taskKey)
                .list().stream()
                .filter(t -> tasks.getVariable(t.getId(), ExchangeProcess.VAR_PHASE_NO) instanceof Number n
                        && n.intValue() == phaseNo)
                .findFirst().orElse(null);
        if (task == null) {
            throw Refusal.conflict(null, "phase " + phaseNo + " is not waiting for " + what);
        }
        return task;
    }

    private void complete(Task task, CurrentUser.Caller c, Map<String, Object> variables) {
        identity.setAuthentication(c.id(), c.groups());
        try {
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FormFieldValidationException f) {
                    Object field = f.getDetail();
                    throw Refusal.invalid(field == null ? null : apiField(String.valueOf(field)), f.getMessage());
                }
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The API's name for a form field a refusal names. */
    private static String apiField(String formField) {
        return switch (formField) {
            case HandoverProcess.CROSSED_HOME -> "received";
            case HandoverProcess.CROSSED_RELEASED -> "handedOver";
            case HandoverProcess.REFUSED_AT_CROSSING -> "refused";
            case HandoverProcess.BROUGHT_HOME -> "brought";
            default -> formField;
        };
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
