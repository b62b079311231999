package org.powexchange.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.el.FixedValue;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.powexchange.security.CurrentUser;

/** The shared decision listener does what each task's camunda:field configuration says, and only that. */
@UnitTest
class RecordDecisionListenerTest {

    private static final UUID EXCHANGE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private final AuditLog audit = mock(AuditLog.class);
    private final CurrentUser user = mock(CurrentUser.class);
    private RecordDecisionListener listener;

    @BeforeEach
    void setUp() {
        when(user.id()).thenReturn("staff.officer");
        listener = new RecordDecisionListener(audit, user);
    }

    private static DelegateTask completing(Map<String, Object> variables) {
        DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
        when(task.getVariable("exchangeId")).thenReturn(EXCHANGE.toString());
        variables.forEach((k, v) -> when(task.getVariable(k)).thenReturn(v));
        return task;
    }

    private void configureListsDecision() {
        listener.setDecision(new FixedValue("listsDecision"));
        listener.setChoices(new FixedValue("CONFIRM, SEND_BACK"));
        listener.setComment(new FixedValue("draftingComment"));
        listener.setCommentRequiredFor(new FixedValue("SEND_BACK"));
        listener.setAction(new FixedValue("LISTS_"));
    }

    @Test
    void recordsTheDecisionUnderItsActionAndNeedsACommentOnlyWhereConfigured() {
        configureListsDecision();
        DelegateTask confirm = completing(Map.of("listsDecision", "CONFIRM"));
        listener.notify(confirm);
        verify(audit).record(EXCHANGE, "staff.officer", "LISTS_CONFIRM", null, null);
        verify(confirm.getExecution().getProcessInstance(), never()).setVariable(anyString(), any());

        assertThatThrownBy(() -> listener.notify(completing(Map.of("listsDecision", "SEND_BACK"))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("draftingComment");
        assertThatThrownBy(() -> listener.notify(completing(Map.of("listsDecision", "DELETE"))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("listsDecision");
        listener.notify(completing(Map.of("listsDecision", "SEND_BACK", "draftingComment", " a list is missing ")));
        verify(audit).record(EXCHANGE, "staff.officer", "LISTS_SEND_BACK", null, "a list is missing");
    }

    @Test
    void keepsTheDecisionOnTheProcessAndEvaluatesTheSubject() {
        Expression subject = mock(Expression.class);
        listener.setDecision(new FixedValue("shortfallDecision"));
        listener.setChoices(new FixedValue("SMALLER_PHASE,WAIT"));
        listener.setComment(new FixedValue("shortfallComment"));
        listener.setAction(new FixedValue("SHORTFALL_"));
        listener.setSubject(subject);
        listener.setKeepOnProcess(new FixedValue("true"));
        DelegateTask task = completing(Map.of("shortfallDecision", "WAIT"));
        when(subject.getValue(task)).thenReturn("phase 2");

        assertThatThrownBy(() -> listener.notify(task)).as("a comment is needed for every decision by default")
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("shortfallComment");
        DelegateTask commented = completing(Map.of("shortfallDecision", "WAIT", "shortfallComment", "new lists come"));
        when(subject.getValue(commented)).thenReturn("phase 2");
        listener.notify(commented);
        verify(audit).record(EXCHANGE, "staff.officer", "SHORTFALL_WAIT", "phase 2", "new lists come");
        verify(commented.getExecution().getProcessInstance()).setVariable("shortfallDecision", "WAIT");
    }

    @Test
    void withoutADecisionRecordsTheCommentUnderTheFixedAction() {
        listener.setComment(new FixedValue("warningAction"));
        listener.setAction(new FixedValue("DEADLINE_WARNING_ACKNOWLEDGED"));
        assertThatThrownBy(() -> listener.notify(completing(Map.of())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("warningAction");
        listener.notify(completing(Map.of("warningAction", "convoy rescheduled")));
        verify(audit).record(EXCHANGE, "staff.officer", "DEADLINE_WARNING_ACKNOWLEDGED", null, "convoy rescheduled");
    }

    @Test
    void readsTheFieldsTheModelConfiguresAndRefusesAnIncompleteConfiguration() {
        var model = Bpmn.readModelFromFile(Path.of("bpmn/list-drafting.bpmn").toFile());
        CamundaTaskListener configured = configured(model.getModelElementById("Task_ConfirmLists"));
        assertThat(listener.fieldsRead(configured)).containsExactly("listsDecision", "draftingComment");

        var broken = Bpmn.createExecutableProcess("p").startEvent().userTask("Task_X")
                .camundaTaskListenerDelegateExpression("complete", "${recordDecision}").endEvent().done();
        CamundaTaskListener bare = configured(broken.getModelElementById("Task_X"));
        assertThatThrownBy(() -> listener.fieldsRead(bare)).isInstanceOf(IllegalStateException.class);
    }

    private static CamundaTaskListener configured(UserTask task) {
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(l -> "${recordDecision}".equals(l.getCamundaDelegateExpression())).findFirst().orElseThrow();
    }
}
