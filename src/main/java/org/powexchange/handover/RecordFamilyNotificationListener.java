package org.powexchange.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.FormRows;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * The Ombudsman's outcome per family (one row per person of the task), checked server-side; the number of
 * families not reached decides whether the task comes back after the retry timer.
 */
@Component("recordFamilyNotification")
public class RecordFamilyNotificationListener implements TaskFormHandler {

    /** A phase of the 2025 exchange had about 400 people per side; the form lists one row per family. */
    private static final int MAX_ROWS = 5000;

    private final FamilyNotificationService families;
    private final CurrentUser user;

    public RecordFamilyNotificationListener(FamilyNotificationService families, CurrentUser user) {
        this.families = families;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(HandoverProcess.FAMILIES);
    }

    @Override
    public void notify(DelegateTask task) {
        String field = HandoverProcess.FAMILIES;
        List<FamilyNotificationService.Answer> answers = new ArrayList<>();
        List<Map<String, String>> rows = FormRows.of(task.getVariable(field), field, MAX_ROWS);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String at = field + "[" + (i + 1) + "]";
            Long personId = FormRows.id(row.get("personId"));
            if (personId == null) {
                throw FormInput.invalid(field, at + ".personId must be a person id");
            }
            String outcome = row.get("outcome");
            FamilyNotificationService.Outcome o = null;
            if (outcome != null && !outcome.isBlank()) {
                try {
                    o = FamilyNotificationService.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw FormInput.invalid(field, at + ".outcome must be one of REACHED, UNREACHED, NO_CONTACT");
                }
            }
            answers.add(new FamilyNotificationService.Answer(personId, o, row.get("note")));
        }
        FamilyNotificationService.Result r;
        try {
            r = families.record(HandoverInputs.exchangeId(task), HandoverInputs.phaseNo(task), answers, field, user.id());
        } catch (Refusal e) {
            throw FormInput.invalid(e.field() == null ? field : e.field(), e.getMessage());
        }
        task.getExecution().setVariable(HandoverProcess.UNREACHED_FAMILY_COUNT, r.unreached());
    }
}
