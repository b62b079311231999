package org.powexchange.handover;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/** A ministry's logistics report for the phase (interior or defence, by the task it completes). */
@Component("reportLogistics")
public class ReportLogisticsListener implements TaskFormHandler {

    static final String TASK_INTERIOR = "Task_LogisticsInterior";

    private final LogisticsService logistics;
    private final CurrentUser user;

    public ReportLogisticsListener(LogisticsService logistics, CurrentUser user) {
        this.logistics = logistics;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.TRANSPORT_READY, HandoverProcess.ESCORT_READY, HandoverProcess.MEDICAL_ESCORT_READY,
                HandoverProcess.DOCUMENTS_READY, HandoverProcess.LOGISTICS_COMMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        boolean interior = TASK_INTERIOR.equals(task.getTaskDefinitionKey());
        String agency = interior ? Groups.INTERIOR : Groups.DEFENCE;
        boolean ready = logistics.report(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task), agency,
                HandoverInputs.flag(task, HandoverProcess.TRANSPORT_READY),
                HandoverInputs.flag(task, HandoverProcess.ESCORT_READY),
                !interior && HandoverInputs.flag(task, HandoverProcess.MEDICAL_ESCORT_READY),
                HandoverInputs.flag(task, HandoverProcess.DOCUMENTS_READY),
                FormInput.of(task).text(HandoverProcess.LOGISTICS_COMMENT, 2000, false), user.id());
        task.getExecution().setVariable(interior ? HandoverProcess.INTERIOR_READY : HandoverProcess.DEFENCE_READY, ready);
    }
}
