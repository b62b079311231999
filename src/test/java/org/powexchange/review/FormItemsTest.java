package org.powexchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powexchange.UnitTest;

/** The rows of a dynamic list, however a completion carries them; anything else is refused naming the field. */
@UnitTest
class FormItemsTest {

    static final String ROWS = "[{\"person\":\"7\",\"reason\":\"SECURITY_RISK\",\"comment\":null},"
            + "{\"person\":8,\"reason\":\"IDENTITY_DOUBT\",\"comment\":{\"nested\":true}}]";

    @Test
    void readsTasklistJsonItsTextAndEngineApiLists() {
        Map<String, String> second = new HashMap<>();
        second.put("person", "8");
        second.put("reason", "IDENTITY_DOUBT");
        second.put("comment", "{\"nested\":true}");
        Map<String, String> first = new HashMap<>();
        first.put("person", "7");
        first.put("reason", "SECURITY_RISK");
        first.put("comment", null);

        assertThat(FormItems.of(Spin.JSON(ROWS), "objections", 10)).containsExactly(first, second);
        assertThat(FormItems.of(ROWS, "objections", 10)).containsExactly(first, second);

        Map<String, Object> javaRow = new HashMap<>();
        javaRow.put("person", 7L);
        javaRow.put("reason", "SECURITY_RISK");
        javaRow.put("comment", null);
        assertThat(FormItems.of(List.of(javaRow), "objections", 10)).containsExactly(first);
    }

    @Test
    void nothingSubmittedIsNoRows() {
        assertThat(FormItems.of(null, "objections", 10)).isEmpty();
        assertThat(FormItems.of("  ", "objections", 10)).isEmpty();
        assertThat(FormItems.of("[]", "objections", 10)).isEmpty();
        assertThat(FormItems.of(List.of(), "objections", 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"person\":\"7\"}", "[1,2]", "[\"a\"]", "not json", "[{\"person\":"})
    void refusesWhatIsNotAListOfRows(String text) {
        assertThatThrownBy(() -> FormItems.of(text, "objections", 10))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'objections'");
    }

    @Test
    void refusesOtherTypesAndJavaListsOfNonRows() {
        for (Object v : new Object[] {42, true, List.of("a"), Arrays.asList(1, 2)}) {
            assertThatThrownBy(() -> FormItems.of(v, "objections", 10)).as("%s", v)
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'objections'");
        }
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        assertThat(FormItems.of(ROWS, "objections", 2)).hasSize(2);
        assertThatThrownBy(() -> FormItems.of(ROWS, "objections", 1))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("more than 1 rows");
    }

    @Test
    void blankIsNothing() {
        assertThat(FormItems.blankToNull(null)).isNull();
        assertThat(FormItems.blankToNull(" \t")).isNull();
        assertThat(FormItems.blankToNull("  keep  ")).isEqualTo("keep");
    }
}
