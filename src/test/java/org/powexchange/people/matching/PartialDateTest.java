package org.powexchange.people.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powexchange.UnitTest;

/** Dates as the sources write them, of which a part may be unknown, and how alike two of them are. */
@UnitTest
class PartialDateTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "null", textBlock = """
            # as written,  normalised,  complete, earliest day
            1987-05-14,    1987-05-14,  true,     1987-05-14
            1987-05,       1987-05,     false,    1987-05-01
            1987,          1987,        false,    1987-01-01
            14.05.1987,    1987-05-14,  true,     1987-05-14
            4.5.1987,      1987-05-04,  true,     1987-05-04
            '  1987-05-14 ', 1987-05-14, true,    1987-05-14
            2000-02-29,    2000-02-29,  true,     2000-02-29
            14/05/1987,    1987-05-14,  true,     1987-05-14
            1987-5-14,     1987-05-14,  true,     1987-05-14
            1987-05-14T00:00:00Z, 1987-05-14, true, 1987-05-14
            1987.05.14,    1987-05-14,  true,     1987-05-14
            05.1987,       1987-05,     false,    1987-05-01
            """)
    void parsesTheFormsTheSourcesUse(String text, String normalised, boolean complete, LocalDate earliest) {
        PartialDate d = PartialDate.parse(text);
        assertThat(d.toString()).isEqualTo(normalised);
        assertThat(d.isKnown()).isTrue();
        assertThat(d.isComplete()).isEqualTo(complete);
        assertThat(d.earliest()).isEqualTo(earliest);
        assertThat(d.toLocalDate()).isEqualTo(complete ? earliest : null);
    }

    @Test
    void nothingWrittenIsUnknown() {
        assertThat(PartialDate.parse(null)).isEqualTo(PartialDate.UNKNOWN);
        assertThat(PartialDate.parse("   ")).isEqualTo(PartialDate.UNKNOWN);
        assertThat(PartialDate.UNKNOWN.isKnown()).isFalse();
        assertThat(PartialDate.UNKNOWN.earliest()).isNull();
        assertThat(PartialDate.UNKNOWN.toString()).isEmpty();
        assertThat(PartialDate.of(null)).isEqualTo(PartialDate.UNKNOWN);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "14 травня 1987|1987-05-14", "14 мая 1987 г.|1987-05-14", "14 May 1987|1987-05-14", "May 14, 1987|1987-05-14",
        "березень 2022|2022-03", "Березня 2022 р.|2022-03", "март 2022|2022-03",
        "Sept. 2022|2022-09", "01.01.1990 р.|1990-01-01", "1990 р.|1990", "1990р.|1990", "1990 року|1990",
        "14.05.1987 г.|1987-05-14", "1987 год|1987", "3 лютого 1987 року|1987-02-03"})
    void readsADateWrittenWithWords(String text, String expected) {
        assertThat(PartialDate.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987-02-30", "31.04.1987", "1987-13", "1987-00-10", "1987-05-32", "1987-05-1x", "2001-02-29", "87-05-14",
            "Mayday 1987x", "yesterday", "30 лютого 1987", "14 Brumaire 1987", "весна 2022"})
    void refusesWhatIsNotARealDate(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(DateTimeException.class)
                .hasMessageContaining(text);
    }

    @Test
    void refusesADayOrMonthWithoutItsYearAndOutOfRangeParts() {
        assertThatThrownBy(() -> new PartialDate(null, 5, 14)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> new PartialDate(1987, 13, null)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> new PartialDate(1987, null, 32)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> new PartialDate(1987, 2, 30)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(textBlock = """
            # a,         b,           similarity (symmetric)
            1987-05-14,  1987-05-14,  1.0
            1987-05-04,  1987-04-05,  0.9
            1987-05-14,  1987-05-15,  0.8
            1987-05-14,  1987-05-20,  0.45
            1987-05-14,  1987-06-14,  0.75
            1987-05-14,  1987-08-14,  0.45
            1987-05-14,  1987-06-15,  0.2
            1987-05-14,  1987,        0.75
            1987-05-14,  1987-05,     0.8
            1987-05-14,  1987-06,     0.3
            1987-05,     1987-05,     0.8
            1987,        1987,        0.75
            1987-05-14,  1988-05-14,  0.7
            1987-05-14,  1978-05-14,  0.6
            1987-05-14,  1989-05-14,  0.0
            1987-05-14,  1988-05-15,  0.0
            1987,        1988,        0.0
            """)
    void similarityOfTwoDates(String a, String b, double expected) {
        PartialDate x = PartialDate.parse(a);
        PartialDate y = PartialDate.parse(b);
        assertThat(x.similarity(y)).isEqualTo(expected);
        assertThat(y.similarity(x)).isEqualTo(expected);
    }

    @Test
    void anUnknownDateIsNeutral() {
        assertThat(PartialDate.UNKNOWN.similarity(PartialDate.parse("1987-05-14"))).isEqualTo(0.5);
        assertThat(PartialDate.parse("1987").similarity(PartialDate.UNKNOWN)).isEqualTo(0.5);
    }

    @Test
    void aSwappedDayAndMonthGiveTheSameBlockingKey() {
        assertThat(PartialDate.parse("1987-05-04").unorderedMonthDay())
                .isEqualTo(PartialDate.parse("1987-04-05").unorderedMonthDay()).isEqualTo("4/5");
        assertThat(PartialDate.parse("1987-05").unorderedMonthDay()).isEmpty();
    }
}
