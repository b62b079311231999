package org.powexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.powexchange.UnitTest;
import org.powexchange.people.Category;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntry;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;

/** The one parity rule: counted one for one, art. 109 people apart. */
@UnitTest
class ParityTest {

    private static final UUID EX = UUID.randomUUID();

    private static ListEntryRepository.Row row(long id, Side side, boolean art109, EntryStatus status) {
        Person p = new Person(id, EX, side, "X-" + id, "Vymyslenko", "Taras", null, null, null, Category.MILITARY, art109,
                LifeStatus.CONFIRMED_ALIVE, null, null);
        return new ListEntryRepository.Row(new ListEntry(id, EX, id, side, (int) id, 1, status, null), p);
    }

    @Test
    void art109PeopleAreCountedApartAndNeverCount() {
        ListEntryRepository.Row wounded = row(1, Side.RELEASE, true, EntryStatus.SCHEDULED);
        ListEntryRepository.Row soldier = row(2, Side.RELEASE, false, EntryStatus.SCHEDULED);
        assertThat(Parity.counts(wounded)).isFalse();
        assertThat(Parity.apart(wounded.person())).isTrue();
        assertThat(Parity.counts(soldier)).isTrue();
    }

    @Test
    void aTallyHoldsOnlyWhenTheCountedSidesAreEqual() {
        List<ListEntryRepository.Row> rows = List.of(
                row(1, Side.BRING_HOME, false, EntryStatus.HANDED_OVER),
                row(2, Side.BRING_HOME, true, EntryStatus.HANDED_OVER),
                row(3, Side.RELEASE, false, EntryStatus.HANDED_OVER),
                row(4, Side.RELEASE, true, EntryStatus.HANDED_OVER),
                row(5, Side.RELEASE, true, EntryStatus.HANDED_OVER),
                row(6, Side.RELEASE, false, EntryStatus.SCHEDULED));
        Parity.Tally crossed = Parity.tally(rows, r -> r.entry().status() == EntryStatus.HANDED_OVER);
        assertThat(crossed).isEqualTo(new Parity.Tally(1, 1, 3));
        assertThat(crossed.holds()).isTrue();

        Parity.Tally all = Parity.tally(rows, r -> true);
        assertThat(all.holds()).isFalse();
        assertThat(all.theirShortfall()).isEqualTo(1);
        assertThat(all.ourShortfall()).isZero();
        assertThat(Parity.counted(rows, Side.RELEASE, r -> true)).isEqualTo(2);
        assertThat(Parity.counted(rows, Side.BRING_HOME, r -> true)).isEqualTo(1);
    }

    @Test
    void shortfallsAreSeenFromEitherSide() {
        Parity.Tally t = Parity.Tally.NONE.plus(Side.BRING_HOME, false).plus(Side.BRING_HOME, false)
                .plus(Side.RELEASE, false).plus(Side.RELEASE, true);
        assertThat(t).isEqualTo(new Parity.Tally(2, 1, 1));
        assertThat(t.ourShortfall()).isEqualTo(1);
        assertThat(t.theirShortfall()).isZero();
        assertThat(Parity.Tally.NONE.holds()).isTrue();
        assertThatThrownBy(() -> new Parity.Tally(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
