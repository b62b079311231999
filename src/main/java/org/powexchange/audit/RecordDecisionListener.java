package org.powexchange.audit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.forms.FormInput;
import org.powexchange.forms.TaskFormHandler;
import org.powexchange.security.CurrentUser;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The one "decision + comment → audit record" listener, configured per user task in the model with
 * {@code camunda:field}s:
 * <ul>
 * <li>{@code decision}: the form variable holding the decision (absent: the task only records a comment);</li>
 * <li>{@code choices}: the allowed decisions, comma-separated;</li>
 * <li>{@code comment}: the form variable holding the comment (at most 2000 characters);</li>
 * <li>{@code commentRequiredFor}: the decisions that need a comment, comma-separated (absent: always needed);</li>
 * <li>{@code action}: the audit action, followed by the decision when there is one (e.g. {@code LISTS_});</li>
 * <li>{@code subject}: the audit subject, may be an expression such as {@code phase ${phaseNo}};</li>
 * <li>{@code keepOnProcess}: {@code true} to keep the decision on the process instance for later gateways.</li>
 * </ul>
 * Prototype-scoped because Camunda injects the fields into the object the expression returns: a fresh
 * instance per completion keeps concurrent completions of different tasks apart.
 */
@Component(RecordDecisionListener.BEAN)
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class RecordDecisionListener implements TaskFormHandler {

    public static final String BEAN = "recordDecision";
    static final int MAX_COMMENT = 2000;

    private final AuditLog audit;
    private final CurrentUser user;

    // injected by the engine from the task's camunda:field elements
    private Expression decision;
    private Expression choices;
    private Expression comment;
    private Expression commentRequiredFor;
    private Expression action;
    private Expression subject;
    private Expression keepOnProcess;

    public RecordDecisionListener(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of();
    }

    /** The form fields one configured use reads; fails when the configuration lacks what every use needs. */
    @Override
    public Set<String> fieldsRead(CamundaTaskListener configured) {
        Set<String> read = new LinkedHashSet<>();
        String decisionField = null;
        String commentField = null;
        boolean hasAction = false;
        boolean hasChoices = false;
        for (CamundaField f : configured.getCamundaFields()) {
            String value = f.getCamundaStringValue() != null ? f.getCamundaStringValue() : f.getCamundaExpression();
            switch (f.getCamundaName()) {
                case "decision" -> decisionField = value;
                case "comment" -> commentField = value;
                case "action" -> hasAction = value != null && !value.isBlank();
                case "choices" -> hasChoices = value != null && !value.isBlank();
                case "commentRequiredFor", "subject", "keepOnProcess" -> { }
                default -> throw new IllegalStateException("unknown field '" + f.getCamundaName() + "' for " + BEAN);
            }
        }
        if (commentField == null || !hasAction || (decisionField != null && !hasChoices)) {
            throw new IllegalStateException(BEAN + " needs 'comment' and 'action', and 'choices' with 'decision'");
        }
        if (decisionField != null) {
            read.add(decisionField);
        }
        read.add(commentField);
        return read;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        String decisionField = text(decision, task);
        String chosen = null;
        if (decisionField != null) {
            chosen = in.choice(decisionField, list(text(choices, task)));
        }
        String required = text(commentRequiredFor, task);
        boolean commentRequired = required == null || (chosen != null && list(required).contains(chosen));
        String note = in.text(text(comment, task), MAX_COMMENT, commentRequired);
        UUID exchangeId = ExchangeProcess.exchangeId(task);
        audit.record(exchangeId, user.id(), text(action, task) + (chosen == null ? "" : chosen), text(subject, task),
                note);
        if (chosen != null && "true".equals(text(keepOnProcess, task))) {
            task.getExecution().getProcessInstance().setVariable(decisionField, chosen);
        }
    }

    private static String text(Expression field, DelegateTask task) {
        if (field == null) {
            return null;
        }
        Object value = field.getValue(task);
        return value == null ? null : value.toString();
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void setDecision(Expression decision) {
        this.decision = decision;
    }

    public void setChoices(Expression choices) {
        this.choices = choices;
    }

    public void setComment(Expression comment) {
        this.comment = comment;
    }

    public void setCommentRequiredFor(Expression commentRequiredFor) {
        this.commentRequiredFor = commentRequiredFor;
    }

    public void setAction(Expression action) {
        this.action = action;
    }

    public void setSubject(Expression subject) {
        this.subject = subject;
    }

    public void setKeepOnProcess(Expression keepOnProcess) {
        this.keepOnProcess = keepOnProcess;
    }
}
