package org.powexchange.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;

/** How a person is named on forms: with the patronymic where the sources give one. */
@UnitTest
class PersonTest {

    private static Person person(String patronymic, LocalDate born) {
        return new Person(1, UUID.randomUUID(), Side.BRING_HOME, "H-1", "Вигаданенко", "Тарас", patronymic, born, null,
                Category.MILITARY, false, LifeStatus.UNCONFIRMED, null, null);
    }

    @Test
    void theFullNameCarriesThePatronymicWhenKnown() {
        assertThat(person("Іванович", null).fullName()).isEqualTo("Вигаданенко Тарас Іванович");
        assertThat(person(null, null).fullName()).isEqualTo("Вигаданенко Тарас");
        assertThat(person("Іванович", LocalDate.of(1990, 2, 3)).displayName())
                .isEqualTo("Вигаданенко Тарас Іванович (b. 1990-02-03)");
        assertThat(person(null, LocalDate.of(1990, 2, 3)).displayName()).isEqualTo("Вигаданенко Тарас (b. 1990-02-03)");
    }
}
