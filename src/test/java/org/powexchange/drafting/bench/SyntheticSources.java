package org.powexchange.drafting.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.powexchange.bench.NameTables;
import org.powexchange.bench.Romaniser;
import org.powexchange.people.matching.PartialDate;

/**
 * Invented people and the source records that describe them, with the truth kept: each record knows
 * which person it is about. The variation is the one real registers show: Ukrainian or Russian forms
 * of given names, patronymics and surnames; Cyrillic or one of eight romanisations; diminutives,
 * initials, family and given name swapped, feminine surnames written in the masculine; a patronymic
 * present, missing or abbreviated; birth dates as year only, off by a day, a month or a year, day and
 * month swapped; service numbers written with spaces, dashes, in Latin look-alikes, rarely mistyped;
 * typos and capitals. Hard negatives are part of the population: brothers (same surname and father,
 * close birth dates), twins with different given names, namesakes, fathers and sons.
 */
public final class SyntheticSources {

    public enum Source { MILITARY_RECORDS, INTELLIGENCE, FAMILY_APPEALS }

    /** How a person was made: on their own, or as a hard negative of an earlier person ({@code relativeOf}). */
    public enum Relation { NONE, BROTHER, TWIN, SON, FATHER, NAMESAKE }

    public record Person(int id, String familyMasculine, String familyFeminine, boolean female, NameTables.Given given,
                         NameTables.Given father, LocalDate birth, String serviceNumber, boolean military,
                         Relation relation, int relativeOf) {

        Person with(Relation r, int of) {
            return new Person(id, familyMasculine, familyFeminine, female, given, father, birth, serviceNumber, military,
                    r, of);
        }

        public String family() {
            return female ? familyFeminine : familyMasculine;
        }
    }

    public record Record(int truthId, Source source, String family, String given, String patronymic,
                         PartialDate birth, String serviceNumber) {
    }

    private static final String SERVICE_LETTERS = "АВЕКМНОРСТХ";
    /** No one is born later (an adult today; sources with a birth date after today are rightly rejected). */
    static final LocalDate LATEST_BIRTH = LocalDate.of(2007, 12, 31);
    private static final String LATIN_LOOKALIKE = "ABEKMHOPCTX";

    private final Random random;
    private final Romaniser romaniser = new Romaniser();
    private int nextId = 1;
    private final java.util.Set<String> issued = new java.util.HashSet<>();

    public SyntheticSources(long seed) {
        this.random = new Random(seed);
    }

    public List<Person> people(int count) {
        List<Person> out = new ArrayList<>(count);
        while (out.size() < count) {
            Person p = randomPerson();
            out.add(p);
            double r = random.nextDouble();
            if (out.size() >= count) {
                break;
            }
            if (r < 0.06) { // a brother: same surname and father, a few years apart (the elder where the younger is not born yet)
                int apart = 300 + random.nextInt(6 * 365);
                boolean younger = random.nextBoolean() && !p.birth().plusDays(apart).isAfter(LATEST_BIRTH);
                out.add(relative(p, false, p.father(), p.birth().plusDays(younger ? apart : -apart))
                        .with(Relation.BROTHER, p.id()));
            } else if (r < 0.08) { // a twin with another given name
                out.add(relative(p, random.nextInt(3) == 0, p.father(), p.birth()).with(Relation.TWIN, p.id()));
            } else if (r < 0.11 && !p.female()) {
                // father and son, sometimes of one given name: a son of p where he is born by now, else p's father
                boolean sameName = random.nextInt(4) == 0;
                LocalDate sonBorn = p.birth().plusYears(20 + random.nextInt(16)).plusDays(random.nextInt(365));
                if (!sonBorn.isAfter(LATEST_BIRTH)) {
                    Person son = relative(p, false, p.given(), sonBorn);
                    if (sameName) {
                        son = new Person(son.id(), son.familyMasculine(), son.familyFeminine(), false, p.given(), p.given(),
                                son.birth(), son.serviceNumber(), son.military(), Relation.NONE, 0);
                    }
                    out.add(son.with(Relation.SON, p.id()));
                } else {
                    if (sameName) { // p was named after his father
                        p = new Person(p.id(), p.familyMasculine(), p.familyFeminine(), false, p.given(), p.given(),
                                p.birth(), p.serviceNumber(), p.military(), p.relation(), p.relativeOf());
                        out.set(out.size() - 1, p);
                    }
                    LocalDate fatherBorn = p.birth().minusYears(20 + random.nextInt(16)).minusDays(random.nextInt(365));
                    boolean military = random.nextDouble() < 0.5;
                    out.add(new Person(nextId++, p.familyMasculine(), p.familyFeminine(), false, p.father(), male(),
                            fatherBorn, military ? service(1) : null, military, Relation.FATHER, p.id()));
                }
            } else if (r < 0.14) { // a namesake: same names, another birth date, often another father
                out.add(new Person(nextId++, p.familyMasculine(), p.familyFeminine(), p.female(), p.given(),
                        random.nextBoolean() ? p.father() : male(), birthDate(), service(0.8), random.nextDouble() < 0.8,
                        Relation.NAMESAKE, p.id()));
            }
        }
        return out;
    }

    private Person randomPerson() {
        String root = NameTables.ROOTS.get(random.nextInt(NameTables.ROOTS.size()));
        String[] suffix = NameTables.SUFFIXES.get(random.nextInt(NameTables.SUFFIXES.size())).split("/");
        boolean female = random.nextDouble() < 0.15;
        boolean military = !female ? random.nextDouble() < 0.8 : random.nextDouble() < 0.3;
        return new Person(nextId++, root + suffix[0], root + suffix[suffix.length - 1], female,
                female ? female() : male(), male(), birthDate(), military ? service(1) : null, military,
                Relation.NONE, 0);
    }

    private Person relative(Person p, boolean female, NameTables.Given father, LocalDate birth) {
        NameTables.Given given;
        do {
            given = female ? female() : male();
        } while (given.equals(p.given()));
        boolean military = random.nextDouble() < (female ? 0.3 : 0.8);
        return new Person(nextId++, p.familyMasculine(), p.familyFeminine(), female, given, father, birth,
                military ? service(1) : null, military, Relation.NONE, 0);
    }

    private NameTables.Given male() {
        return NameTables.MALE.get(random.nextInt(NameTables.MALE.size()));
    }

    private NameTables.Given female() {
        return NameTables.FEMALE.get(random.nextInt(NameTables.FEMALE.size()));
    }

    private LocalDate birthDate() {
        return LocalDate.of(1962, 1, 1).plusDays(random.nextInt(44 * 365));
    }

    private String service(double p) {
        if (random.nextDouble() >= p) {
            return null;
        }
        String s;
        do { // a service number belongs to one soldier
            s = "" + SERVICE_LETTERS.charAt(random.nextInt(SERVICE_LETTERS.length()))
                    + SERVICE_LETTERS.charAt(random.nextInt(SERVICE_LETTERS.length()))
                    + String.format("%06d", random.nextInt(1_000_000));
        } while (!issued.add(s));
        return s;
    }

    /** Exactly {@code total} records over the people, at least one each, shuffled. */
    public List<Record> records(List<Person> people, int total) {
        List<Record> out = new ArrayList<>(total);
        for (Person p : people) {
            out.add(record(p, first(p)));
        }
        while (out.size() < total) {
            Person p = people.get(random.nextInt(people.size()));
            out.add(record(p, Source.values()[random.nextInt(3)]));
        }
        Collections.shuffle(out, random);
        return out;
    }

    private Source first(Person p) {
        return p.military() ? Source.MILITARY_RECORDS : random.nextBoolean() ? Source.FAMILY_APPEALS : Source.INTELLIGENCE;
    }

    private static final Romaniser.System[] SYSTEMS = Romaniser.System.values();
    private static final double[] SYSTEM_WEIGHTS = {0.25, 0.20, 0.07, 0.08, 0.08, 0.11, 0.11, 0.10};

    private Romaniser.System system() {
        double r = random.nextDouble();
        for (int i = 0; i < SYSTEMS.length; i++) {
            r -= SYSTEM_WEIGHTS[i];
            if (r < 0) {
                return SYSTEMS[i];
            }
        }
        return Romaniser.System.PASSPORT;
    }

    private Record record(Person p, Source source) {
        boolean ru = random.nextDouble() < (source == Source.INTELLIGENCE ? 0.35 : 0.08);
        String family = p.female() && random.nextDouble() < 0.08 ? p.familyMasculine() : p.family();
        if (ru) {
            family = NameTables.russianSurname(family);
        }
        String given = ru ? p.given().ru() : p.given().uk();
        if (random.nextDouble() < 0.04) {
            given = ru ? p.given().ruDiminutive() : p.given().ukDiminutive();
        }
        String patronymic = null;
        double withPatronymic = switch (source) {
            case MILITARY_RECORDS -> 0.7;
            case INTELLIGENCE -> 0.5;
            case FAMILY_APPEALS -> 0.6;
        };
        if (random.nextDouble() < withPatronymic) {
            patronymic = p.female() ? (ru ? p.father().ruPatronymicFeminine() : p.father().ukPatronymicFeminine())
                    : (ru ? p.father().ruPatronymic() : p.father().ukPatronymic());
        }
        if (random.nextDouble() >= 0.35) {
            Romaniser.System sys = system();
            family = romaniser.write(family, sys, ru);
            given = romaniser.write(given, sys, ru);
            patronymic = patronymic == null ? null : romaniser.write(patronymic, sys, ru);
        }
        if (patronymic != null && random.nextDouble() < 0.15) {
            patronymic = patronymic.substring(0, 1) + ".";
        }
        if (random.nextDouble() < 0.03) {
            given = given.substring(0, 1) + ".";
        }
        if (random.nextDouble() < 0.06) {
            family = typo(family);
        }
        if (random.nextDouble() < 0.03 && given.length() > 3) {
            given = typo(given);
        }
        if (random.nextDouble() < 0.10) {
            family = family.toUpperCase(java.util.Locale.ROOT);
        }
        if (random.nextDouble() < 0.02) {
            String t = family;
            family = given;
            given = t;
        }
        String service = null;
        if (p.serviceNumber() != null) {
            double s = random.nextDouble();
            boolean present = switch (source) {
                case MILITARY_RECORDS -> s < 0.97;
                case INTELLIGENCE -> s < 0.4;
                case FAMILY_APPEALS -> s < 0.15;
            };
            service = present ? writeService(p.serviceNumber()) : null;
        }
        return new Record(p.id(), source, family, given, patronymic, birth(p.birth()), service);
    }

    private String writeService(String s) {
        if (random.nextDouble() < 0.003) { // a mistyped digit
            int i = 2 + random.nextInt(s.length() - 2);
            s = s.substring(0, i) + (char) ('0' + (s.charAt(i) - '0' + 1) % 10) + s.substring(i + 1);
        }
        double r = random.nextDouble();
        if (r < 0.5) {
            return s;
        }
        if (r < 0.7) {
            return s.substring(0, 2) + " " + s.substring(2);
        }
        if (r < 0.85) {
            StringBuilder b = new StringBuilder(s);
            for (int i = 0; i < 2; i++) {
                b.setCharAt(i, LATIN_LOOKALIKE.charAt(SERVICE_LETTERS.indexOf(s.charAt(i))));
            }
            return b.toString();
        }
        if (r < 0.95) {
            return s.substring(0, 2) + "-" + s.substring(2, 5) + "-" + s.substring(5);
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private PartialDate birth(LocalDate d) {
        double r = random.nextDouble();
        if (r < 0.72) {
            return PartialDate.of(d);
        }
        if (r < 0.77) {
            return d.getDayOfMonth() <= 12 ? new PartialDate(d.getYear(), d.getDayOfMonth(), d.getMonthValue())
                    : PartialDate.of(d);
        }
        if (r < 0.83) {
            return new PartialDate(d.getYear(), null, null);
        }
        if (r < 0.87) {
            return new PartialDate(d.getYear(), d.getMonthValue(), null);
        }
        if (r < 0.90) {
            return PartialDate.of(d.plusDays(random.nextBoolean() ? 1 : -1));
        }
        if (r < 0.93) {
            LocalDate m = d.plusMonths(random.nextBoolean() ? 1 : -1);
            return m.getDayOfMonth() == d.getDayOfMonth() ? PartialDate.of(m) : PartialDate.of(d);
        }
        if (r < 0.95) {
            return PartialDate.of(d.plusYears(random.nextBoolean() ? 1 : -1));
        }
        return PartialDate.UNKNOWN;
    }

    private String typo(String s) {
        if (s.length() < 4) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1); // dropped letter
            case 1 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2); // swapped letters
            default -> s.substring(0, i) + s.charAt(i) + s.substring(i); // doubled letter
        };
    }
}
