package org.powexchange.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/** Server-side checks of what a task completion carries: every refusal names its field. */
@UnitTest
class FormInputTest {

    private static FormInput completing(String field, Object value) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable(field)).thenReturn(value);
        return FormInput.of(task);
    }

    @Test
    void aChoiceMustBeOneOfTheOptions() {
        Set<String> options = Set.of("CONFIRM", "SEND_BACK");
        assertThat(completing("listsDecision", "CONFIRM").choice("listsDecision", options)).isEqualTo("CONFIRM");
        for (Object bad : new Object[] {null, "", " ", "confirm", "DELETE", 1}) {
            assertThatThrownBy(() -> completing("listsDecision", bad).choice("listsDecision", options)).as("%s", bad)
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'listsDecision'");
        }
    }

    @ParameterizedTest(name = "''{0}'' required={1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            # value,         required, result (REFUSED = refused)
            '  remark  ',    true,     remark
            null,            false,    null
            '   ',           false,    null
            null,            true,     REFUSED
            '   ',           true,     REFUSED
            0123456789X,     false,    REFUSED
            0123456789,      false,    0123456789
            """)
    void textIsStrippedAndLimited(String value, boolean required, String result) {
        FormInput in = completing("remark", value);
        if ("REFUSED".equals(result)) {
            assertThatThrownBy(() -> in.text("remark", 10, required))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'remark'");
        } else {
            assertThat(in.text("remark", 10, required)).isEqualTo(result);
        }
    }

    @Test
    void textMustBeText() {
        assertThatThrownBy(() -> completing("remark", 42).text("remark", 10, false))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be text");
    }

    @Test
    void idsArriveAsJsonListsOrCommaSeparatedText() {
        assertThat(completing("received", Spin.JSON("[1, \"2\", 3]")).ids("received")).containsExactly(1L, 2L, 3L);
        assertThat(completing("received", List.of(4, "5")).ids("received")).containsExactly(4L, 5L);
        assertThat(completing("received", "[\"6\", \"7\"]").ids("received")).containsExactly(6L, 7L);
        assertThat(completing("received", "8, 9,").ids("received")).containsExactly(8L, 9L);
        assertThat(completing("received", null).ids("received")).isEmpty();
        assertThat(completing("received", "").ids("received")).isEmpty();
    }

    @Test
    void idsThatAreNotIdsAreRefused() {
        for (Object bad : new Object[] {Spin.JSON("{\"a\":1}"), Spin.JSON("[\"x\"]"), List.of("1", "two"), "1,two", 3.5}) {
            assertThatThrownBy(() -> completing("received", bad).ids("received")).as("%s", bad)
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'received'");
        }
    }

    @ParameterizedTest(name = "''{0}'' required={1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            # value,                      required, result (REFUSED = refused)
            2026-11-28T10:00:00Z,         true,     2026-11-28T10:00Z
            ' 2026-11-28T12:00:00+02:00 ', true,    2026-11-28T12:00+02:00
            2026-11-28T10:00,             true,     2026-11-28T10:00Z
            null,                         false,    null
            '  ',                         false,    null
            null,                         true,     REFUSED
            28.11.2026 10:00,             false,    REFUSED
            2026-11-28,                   true,     REFUSED
            """)
    void aDateTimeIsIsoWithOrWithoutOffsetAndUtcWithout(String value, boolean required, String result) {
        FormInput in = completing("resumeAt", value);
        if ("REFUSED".equals(result)) {
            assertThatThrownBy(() -> in.dateTime("resumeAt", required))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'resumeAt'");
        } else {
            assertThat(in.dateTime("resumeAt", required))
                    .isEqualTo(result == null ? null : OffsetDateTime.parse(result));
        }
    }

    @Test
    void aDateTimeMayArriveAsADateAndNothingElse() {
        Date d = Date.from(OffsetDateTime.parse("2026-11-28T10:00:00Z").toInstant());
        assertThat(completing("resumeAt", d).dateTime("resumeAt", true))
                .isEqualTo(OffsetDateTime.parse("2026-11-28T10:00Z"));
        assertThatThrownBy(() -> completing("resumeAt", 42).dateTime("resumeAt", true))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("must be a date and time");
    }
}
