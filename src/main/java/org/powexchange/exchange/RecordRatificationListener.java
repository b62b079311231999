package org.powexchange.exchange;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/** "Record the ratification" in Tasklist: the document reference and the time of signature start the clock. */
@Component("recordRatification")
public class RecordRatificationListener implements TaskFormHandler {

    private final ExchangeService exchanges;
    private final CurrentUser user;

    public RecordRatificationListener(ExchangeService exchanges, CurrentUser user) {
        this.exchanges = exchanges;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(ExchangeProcess.VAR_RATIFICATION_DOC, ExchangeProcess.VAR_RATIFICATION_SIGNED_AT,
                ExchangeProcess.VAR_AGREED_PHASE_DATES);
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String doc = in.text(ExchangeProcess.VAR_RATIFICATION_DOC, 200, true);
        if (!doc.matches("[A-Za-z0-9 ._/-]+")) {
            throw FormInput.invalid(ExchangeProcess.VAR_RATIFICATION_DOC, "letters, digits, spaces and . _ / - only");
        }
        OffsetDateTime signedAt = in.dateTime(ExchangeProcess.VAR_RATIFICATION_SIGNED_AT, true);
        List<OffsetDateTime> phaseDates = phaseDates(task.getVariable(ExchangeProcess.VAR_AGREED_PHASE_DATES));
        try {
            exchanges.recordRatification(ExchangeProcess.exchangeId(task),
                    doc, signedAt, phaseDates, user.id());
        } catch (Refusal e) {
            throw FormInput.invalid(e.field() == null ? ExchangeProcess.VAR_RATIFICATION_DOC
                    : "signedAt".equals(e.field()) ? ExchangeProcess.VAR_RATIFICATION_SIGNED_AT
                    : "phaseDueAt".equals(e.field()) ? ExchangeProcess.VAR_AGREED_PHASE_DATES
                    : ExchangeProcess.VAR_RATIFICATION_DOC, e.getMessage());
        }
    }

    /** The agreed phase dates as the form submits them: date-times separated by commas or new lines, or none. */
    private static List<OffsetDateTime> phaseDates(Object v) {
        String field = ExchangeProcess.VAR_AGREED_PHASE_DATES;
        if (v == null || (v instanceof String s && s.isBlank())) {
            return List.of();
        }
        if (!(v instanceof String s) || s.length() > 1000) {
            throw FormInput.invalid(field, "'" + field + "' must be date-times separated by commas");
        }
        List<OffsetDateTime> out = new ArrayList<>();
        for (String part : s.split("[,\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(OffsetDateTime.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw FormInput.invalid(field, "'" + part.strip() + "' is not a date and time such as 2026-11-28T10:00:00Z");
            }
        }
        return out;
    }
}
