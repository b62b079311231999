package org.powexchange.handover;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.powexchange.audit.AuditLog;
import org.springframework.stereotype.Component;

/** "Compile the final report": every phase is done; the totals go on the record (full report at /api/exchanges/{id}/report). */
@Component("compileFinalReport")
public class CompileFinalReportDelegate implements JavaDelegate {

    private final PhaseReportService reports;
    private final AuditLog audit;

    public CompileFinalReportDelegate(PhaseReportService reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID exchangeId = HandoverInputs.exchangeId(execution);
        FinalReport report = reports.finalReport(exchangeId);
        FinalReport.Totals totals = report.totals();
        audit.record(exchangeId, "system", "FINAL_REPORT", "all phases done", totals + ", all phases balanced: "
                + report.allPhasesBalanced());
        execution.setVariable("repatriatedTotal", totals.repatriated());
        execution.setVariable("allPhasesBalanced", report.allPhasesBalanced());
    }
}
