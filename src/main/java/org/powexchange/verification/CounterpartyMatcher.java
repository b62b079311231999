package org.powexchange.verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.powexchange.people.Person;

/**
 * The seam for matching a person named on the other side's lists with one of ours. The simple
 * implementation compares normalised names and birth dates; the drafting stage's cross-referencing
 * can replace it by providing another bean of this type.
 */
public interface CounterpartyMatcher {

    /** A person as the other side names them. */
    record Named(String familyName, String givenName, LocalDate birthDate) {
    }

    /** The one person of {@code ours} who is {@code theirs}, or empty when none (or more than one) fits. */
    Optional<Person> match(Named theirs, List<Person> ours);

    /**
     * A matcher over a fixed {@code ours}, for matching a whole list: implementations may index
     * {@code ours} once instead of scanning it for every entry. Same answers as {@link #match}.
     */
    default Function<Named, Optional<Person>> over(List<Person> ours) {
        return theirs -> match(theirs, ours);
    }

    /** The person a name fits, or, when none fits clearly, the people it might be (never guessed between). */
    record Resolution(Optional<Person> person, List<Person> candidates) {
    }

    /** Like {@link #over}, with the candidates of an ambiguous name for the Staff to see. */
    default Function<Named, Resolution> resolve(List<Person> ours) {
        Function<Named, Optional<Person>> f = over(ours);
        return theirs -> new Resolution(f.apply(theirs), List.of());
    }
}
