package org.powexchange.verification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.FormRows;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * "Verify the people of round N" in Tasklist: the neutral party's findings row by row, stored through the
 * same {@link VerificationService#store} (and so the same consent rule, {@code checkConsent}) as /api and
 * the external task. A refused row is a form error naming the row and the field, and nothing is stored.
 * A row left without a finding is answered later: the round's remaining people come back in a new task.
 */
@Component("recordTasklistVerification")
public class RecordTasklistVerificationListener implements TaskFormHandler {

    static final String ROWS = "roundResults";
    static final String INTERVIEWED_ON = "roundInterviewedOn";
    static final String DELEGATE_REF = "roundDelegateRef";
    /** task-local, set by the process (verificationForm.people): the person of each row, by position */
    static final String PEOPLE = "peopleToVerify";

    /** as many as /api takes in one batch */
    static final int MAX_ROWS = 5000;
    private static final Pattern BATCH_FIELD = Pattern.compile("^results\\[(\\d+)](?:\\.(.+))?$");
    private static final Pattern EVIDENCE = Pattern.compile("[^<>{}$#]*");

    private final VerificationService verification;
    private final CurrentUser user;

    public RecordTasklistVerificationListener(VerificationService verification, CurrentUser user) {
        this.verification = verification;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of(ROWS, INTERVIEWED_ON, DELEGATE_REF);
    }

    @Override
    public void notify(DelegateTask task) {
        CurrentUser.Caller caller = user.caller();
        // verification is the neutral intermediary's own finding: nobody answers for it
        if (caller == null || !caller.in(Groups.NEUTRAL_PARTY)) {
            throw FormInput.invalid(ROWS, "only the neutral intermediary can record verification results");
        }
        List<VerificationForm.RoundPerson> people = people(task.getVariable(PEOPLE));
        List<Map<String, String>> rows = FormRows.of(task.getVariable(ROWS), ROWS, MAX_ROWS);
        if (rows.size() != people.size()) {
            throw FormInput.invalid(ROWS, "the findings must have one row per person of the round (" + people.size()
                    + "), in the table's order; " + rows.size() + " were given");
        }
        FormInput in = FormInput.of(task);
        LocalDate defaultDate = date(task.getVariable(INTERVIEWED_ON), INTERVIEWED_ON, "the interview date");
        String defaultDelegate = in.text(DELEGATE_REF, 64, false);

        List<VerificationService.Incoming> batch = new ArrayList<>();
        List<Integer> rowOfBatch = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String label = rowLabel(i, people.get(i));
            String outcome = blankToNull(row.get("outcome"));
            if (outcome == null) {
                continue; // answered later (or already answered by the neutral party's system)
            }
            VerificationOutcome o = parse(VerificationOutcome.class, outcome, label, "outcome");
            VerificationOutcome.Medical medical = row.get("medical") == null || row.get("medical").isBlank() ? null
                    : parse(VerificationOutcome.Medical.class, row.get("medical").strip(), label, "medical");
            String evidence = blankToNull(row.get("evidence"));
            if (evidence != null && (evidence.length() > 2000 || !EVIDENCE.matcher(evidence).matches())) {
                throw FormInput.invalid(ROWS, label + ", evidence: at most 2000 characters, without < > { } $ #");
            }
            Consent consent = null;
            String finding = blankToNull(row.get("consent"));
            if (finding != null) {
                LocalDate on = date(row.get("interviewedOn"), ROWS, label + ", interviewed on");
                String delegate = blankToNull(row.get("delegateRef"));
                consent = new Consent(on == null ? defaultDate : on,
                        parse(Consent.Outcome.class, finding, label, "consent"),
                        delegate == null ? defaultDelegate : delegate);
            }
            batch.add(new VerificationService.Incoming(people.get(i).personId(), o, medical, evidence, consent));
            rowOfBatch.add(i);
        }
        if (batch.isEmpty()) {
            throw FormInput.invalid(ROWS, "give a finding for at least one person");
        }
        UUID exchangeId = ExchangeProcess.exchangeId(task);
        Object round = task.getVariable(VerificationProcess.VAR_ROUND);
        VerificationService.Recorded r;
        try {
            r = verification.store(exchangeId, batch, caller.id(), round instanceof Number n ? n.intValue() : null);
        } catch (Refusal e) {
            throw FormInput.invalid(ROWS, inRowTerms(e, rowOfBatch, people));
        }
        task.getExecution().setVariable(VerificationProcess.VAR_OUTSTANDING, r.outstanding());
    }

    /** "results[3].consent: …" of the shared rule becomes "Row 5 (Testenko Ivan), consent: …". */
    private static String inRowTerms(Refusal e, List<Integer> rowOfBatch, List<VerificationForm.RoundPerson> people) {
        Matcher m = e.field() == null ? null : BATCH_FIELD.matcher(e.field());
        if (m == null || !m.matches()) {
            return e.getMessage();
        }
        int row = rowOfBatch.get(Integer.parseInt(m.group(1)));
        String field = m.group(2) == null ? "" : ", " + m.group(2);
        return rowLabel(row, people.get(row)) + field + ": " + e.getMessage();
    }

    private static String rowLabel(int i, VerificationForm.RoundPerson p) {
        return "Row " + (i + 1) + " (" + p.label() + ")";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String label, String field) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw FormInput.invalid(ROWS, label + ", " + field + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A date as form-js submits it (YYYY-MM-DD), or a date value through the engine API. */
    private static LocalDate date(Object v, String field, String what) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        String s = String.valueOf(v).strip();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw FormInput.invalid(field, what + " must be a date (YYYY-MM-DD)");
        }
    }

    private static List<VerificationForm.RoundPerson> people(Object v) {
        SpinJsonNode node = v instanceof SpinJsonNode n ? n : v == null ? null : Spin.JSON(v.toString());
        if (node == null || !node.isArray()) {
            throw new IllegalStateException("the task carries no '" + PEOPLE + "'");
        }
        List<VerificationForm.RoundPerson> out = new ArrayList<>();
        for (SpinJsonNode e : node.elements()) {
            out.add(new VerificationForm.RoundPerson(e.prop("personId").numberValue().longValue(),
                    e.prop("person").stringValue()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
