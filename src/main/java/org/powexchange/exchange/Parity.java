package org.powexchange.exchange;

import java.util.Collection;
import java.util.function.Predicate;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;

/**
 * The parity rule of an exchange, in one place for every stage: the people brought home and the people
 * released are counted one for one; the seriously wounded and sick are repatriated regardless of number
 * (Geneva Convention III art. 109-110: "man for man" is prohibited for them), so they are counted apart
 * and never decide, hold back or replace anyone.
 */
public final class Parity {

    private Parity() {
    }

    /** Whether the person counts towards the parity figure. */
    public static boolean counts(Person p) {
        return !apart(p);
    }

    public static boolean counts(ListEntryRepository.Row r) {
        return counts(r.person());
    }

    /** Whether the person goes regardless of numbers (art. 109), outside the parity figure. */
    public static boolean apart(Person p) {
        return p.seriouslyWoundedSick();
    }

    /** The counted people on one side among the rows {@code which} selects. */
    public static int counted(Collection<ListEntryRepository.Row> rows, Side side,
                              Predicate<ListEntryRepository.Row> which) {
        return (int) rows.stream().filter(r -> r.entry().list() == side && which.test(r) && counts(r)).count();
    }

    /** The tally of the rows {@code which} selects: each side counted, art. 109 apart. */
    public static Tally tally(Collection<ListEntryRepository.Row> rows, Predicate<ListEntryRepository.Row> which) {
        Tally t = Tally.NONE;
        for (ListEntryRepository.Row r : rows) {
            if (which.test(r)) {
                t = t.plus(r.entry().list(), apart(r.person()));
            }
        }
        return t;
    }

    /**
     * Counted people brought home against counted people released, and the art. 109 people apart.
     *
     * @param bringHome counted people of ours coming home
     * @param release   counted people we release to the other side
     * @param art109    seriously wounded and sick, either side, not counted
     */
    public record Tally(int bringHome, int release, int art109) {

        public static final Tally NONE = new Tally(0, 0, 0);

        public Tally {
            if (bringHome < 0 || release < 0 || art109 < 0) {
                throw new IllegalArgumentException("a tally cannot be negative");
            }
        }

        /** Adds one person of the side; an art. 109 person is counted apart. */
        public Tally plus(Side side, boolean art109Person) {
            if (art109Person) {
                return new Tally(bringHome, release, art109 + 1);
            }
            return side == Side.BRING_HOME ? new Tally(bringHome + 1, release, art109)
                    : new Tally(bringHome, release + 1, art109);
        }

        public boolean holds() {
            return bringHome == release;
        }

        /** How many fewer the other side brings than we release (0 when they bring as many or more). */
        public int theirShortfall() {
            return Math.max(0, release - bringHome);
        }

        /** How many fewer we release than the other side brings (0 when we release as many or more). */
        public int ourShortfall() {
            return Math.max(0, bringHome - release);
        }
    }
}
