package org.powexchange.verification;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.powexchange.people.Person;
import org.springframework.stereotype.Component;

/**
 * Matches on normalised family and given name (case, accents, apostrophes, hyphens and spacing
 * ignored) and equal birth date. A missing birth date on either side matches on the name only if
 * exactly one of ours carries that name. Ambiguity is never resolved by guessing.
 */
@Component
public class NameBirthDateMatcher implements CounterpartyMatcher {

    @Override
    public Optional<Person> match(Named theirs, List<Person> ours) {
        String family = normalise(theirs.familyName());
        String given = normalise(theirs.givenName());
        List<Person> sameName = ours.stream()
                .filter(p -> normalise(p.familyName()).equals(family) && normalise(p.givenName()).equals(given))
                .toList();
        List<Person> fit = sameName.stream()
                .filter(p -> theirs.birthDate() == null || p.birthDate() == null
                        || Objects.equals(p.birthDate(), theirs.birthDate()))
                .toList();
        List<Person> exact = fit.stream().filter(p -> Objects.equals(p.birthDate(), theirs.birthDate())
                && theirs.birthDate() != null).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        return fit.size() == 1 ? Optional.of(fit.get(0)) : Optional.empty();
    }

    /** Ours indexed by normalised name once; each entry then compares only the people of the same name. */
    @Override
    public Function<Named, Optional<Person>> over(List<Person> ours) {
        Map<String, List<Person>> byName = new HashMap<>();
        for (Person p : ours) {
            byName.computeIfAbsent(normalise(p.familyName()) + "\u0000" + normalise(p.givenName()),
                    k -> new ArrayList<>()).add(p);
        }
        return theirs -> match(theirs, byName.getOrDefault(
                normalise(theirs.familyName()) + "\u0000" + normalise(theirs.givenName()), List.of()));
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
