package org.powexchange.verification;

import org.powexchange.UnitTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.powexchange.bench.NameTables;
import org.powexchange.bench.Romaniser;
import org.powexchange.drafting.bench.SyntheticSources;
import org.powexchange.people.Category;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.Person;
import org.powexchange.people.Side;

/**
 * Counterparty reconciliation uses drafting's normaliser and scorer: the other side's list of 1,000 of our
 * people written in Russian Cyrillic or another romanisation, with a tenth of the birth dates missing,
 * reconciles at least 99 % correctly against our lists (ours in Ukrainian Cyrillic or the passport table).
 */
@UnitTest
class CounterpartyMatchingTest {

    private final NameBirthDateMatcher matcher = new NameBirthDateMatcher();

    @Test
    void aThousandNamesInOtherFormsReconcile() {
        SyntheticSources gen = new SyntheticSources(4242L);
        List<SyntheticSources.Person> people = gen.people(3000); // brothers, twins, namesakes among them
        Romaniser rom = new Romaniser();
        Random rnd = new Random(99);
        List<Person> ours = new ArrayList<>();
        UUID ex = UUID.randomUUID();
        for (SyntheticSources.Person p : people) {
            boolean latin = rnd.nextBoolean();
            String family = latin ? rom.write(p.family(), Romaniser.System.PASSPORT, false) : p.family();
            String given = latin ? rom.write(p.given().uk(), Romaniser.System.PASSPORT, false) : p.given().uk();
            ours.add(new Person(p.id(), ex, Side.BRING_HOME, "H-" + p.id(), family, given, null, p.birth(), null,
                    Category.MILITARY, false, LifeStatus.UNCONFIRMED, null, null));
        }
        Function<CounterpartyMatcher.Named, CounterpartyMatcher.Resolution> resolve = matcher.resolve(ours);
        Romaniser.System[] systems = Romaniser.System.values();
        int correct = 0;
        int wrong = 0;
        int ambiguous = 0;
        for (int i = 0; i < 1000; i++) {
            SyntheticSources.Person p = people.get(i * 3);
            String family = NameTables.russianSurname(p.family());
            String given = p.given().ru();
            if (rnd.nextBoolean()) { // another romanisation of the Russian form
                Romaniser.System s = systems[rnd.nextInt(systems.length)];
                family = rom.write(family, s, true);
                given = rom.write(given, s, true);
            }
            CounterpartyMatcher.Named theirs = new CounterpartyMatcher.Named(family, given,
                    rnd.nextInt(10) == 0 ? null : p.birth());
            CounterpartyMatcher.Resolution r = resolve.apply(theirs);
            Optional<Person> hit = r.person();
            if (hit.isPresent() && hit.get().id() == p.id()) {
                correct++;
            } else if (hit.isPresent()) {
                wrong++;
            } else if (r.candidates().stream().anyMatch(c -> c.id() == p.id())) {
                ambiguous++;
            }
            if ((hit.isEmpty() || hit.get().id() != p.id()) && Boolean.getBoolean("debug.counterparty")) {
                System.out.println("not matched " + theirs + " ours " + ours.get(i * 3) + " -> " + r);
            }
        }
        String figures = "matched correctly " + correct + ", wrong " + wrong
                + ", left to the Staff with the right person among the candidates " + ambiguous;
        System.out.println("counterparty reconciliation: " + figures);
        // a namesake of ours without a birth date to tell them apart is rightly not guessed but shown with its candidates
        assertTrue(correct + ambiguous >= 990, figures);
        assertTrue(correct >= 980, figures);
        assertTrue(wrong <= 2, "a wrong match is worse than none: " + figures);
    }

    @Test
    void anAmbiguousNameKeepsBothCandidates() {
        UUID ex = UUID.randomUUID();
        Person a = new Person(1, ex, Side.RELEASE, "R-1", "Тестенко", "Іван", null, null, null, Category.MILITARY, false,
                LifeStatus.CONFIRMED_ALIVE, null, null);
        Person b = new Person(2, ex, Side.RELEASE, "R-2", "Testenko", "Ivan", null, null, null, Category.MILITARY, false,
                LifeStatus.CONFIRMED_ALIVE, null, null);
        CounterpartyMatcher.Resolution r = matcher.resolve(List.of(a, b))
                .apply(new CounterpartyMatcher.Named("Тестенко", "Иван", java.time.LocalDate.of(1980, 1, 1)));
        assertTrue(r.person().isEmpty(), "never guessed");
        assertEquals(List.of(1L, 2L), r.candidates().stream().map(Person::id).sorted().toList());
    }
}
