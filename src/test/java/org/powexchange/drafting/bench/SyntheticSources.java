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
 *
 * <p>The widened generator (the default; {@link #classic} gives the one before) adds what typed registers show
 * beyond that, each at a modest rate (see {@link #record}): look-alike letters of the other script inside a name,
 * all-caps and caps-lock given names, keyboard-neighbour typos, ё/е, ї/і/и, є/е, ґ/г in Cyrillic, the Russian
 * -ёв/-ев of a Ukrainian -ьов, double surnames written in full or with one part, stray spaces and dots, given name
 * and patronymic in one field, a year with two digits transposed, and service numbers without their letters,
 * with a misread letter or two neighbouring digits transposed. Brothers and twins who enlisted together sometimes
 * hold consecutive service numbers (a hard negative for the service-number typo rule).
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
    private final boolean widened;
    /** Widened only: the second part of a double surname (masculine/feminine), and service numbers re-issued. */
    private final java.util.Map<Integer, String[]> secondSurname = new java.util.HashMap<>();
    private final java.util.Map<Integer, String> serviceOverride = new java.util.HashMap<>();

    public SyntheticSources(long seed) {
        this(seed, true);
    }

    private SyntheticSources(long seed, boolean widened) {
        this.random = new Random(seed);
        this.widened = widened;
    }

    /** The generator before the widened variation (same people, records without the added variation). */
    public static SyntheticSources classic(long seed) {
        return new SyntheticSources(seed, false);
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
        if (widened) {
            widen(people);
        }
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

    /**
     * Decided per person once (after the people, so the population is the classic one): a double surname for
     * 8 % of women and 1 % of men; consecutive service numbers for 30 % of military brothers and twins.
     */
    private void widen(List<Person> people) {
        java.util.Map<Integer, Person> byId = new java.util.HashMap<>();
        for (Person p : people) {
            byId.put(p.id(), p);
            if (random.nextDouble() < (p.female() ? 0.08 : 0.01)) {
                String root = NameTables.ROOTS.get(random.nextInt(NameTables.ROOTS.size()));
                String[] suffix = NameTables.SUFFIXES.get(random.nextInt(NameTables.SUFFIXES.size())).split("/");
                secondSurname.put(p.id(), new String[] {root + suffix[0], root + suffix[suffix.length - 1]});
            }
        }
        for (Person p : people) {
            Person of = byId.get(p.relativeOf());
            if ((p.relation() == Relation.BROTHER || p.relation() == Relation.TWIN) && of != null
                    && p.serviceNumber() != null && of.serviceNumber() != null && random.nextDouble() < 0.3) {
                String s = of.serviceNumber();
                int n = (Integer.parseInt(s.substring(2)) + 1) % 1_000_000;
                String next = s.substring(0, 2) + String.format("%06d", n);
                if (issued.add(next)) {
                    serviceOverride.put(p.id(), next);
                }
            }
        }
    }

    private String serviceNumber(Person p) {
        String s = serviceOverride.get(p.id());
        return s != null ? s : p.serviceNumber();
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
        boolean masculine = p.female() && random.nextDouble() < 0.08;
        String family = masculine ? p.familyMasculine() : p.family();
        if (ru) {
            family = NameTables.russianSurname(family);
            if (widened) {
                family = russianSoftO(family);
            }
        }
        String[] second = widened ? secondSurname.get(p.id()) : null;
        if (second != null) { // a double surname: both parts (hyphen or space), or only the first or the second
            String b = p.female() && !masculine ? second[1] : second[0];
            b = ru ? russianSoftO(NameTables.russianSurname(b)) : b;
            double r = random.nextDouble();
            family = r < 0.55 ? family + "-" + b : r < 0.7 ? family + " " + b : r < 0.88 ? family : b;
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
        boolean latin = random.nextDouble() >= 0.35;
        if (latin) {
            Romaniser.System sys = system();
            family = romaniser.write(family, sys, ru);
            given = romaniser.write(given, sys, ru);
            patronymic = patronymic == null ? null : romaniser.write(patronymic, sys, ru);
        } else if (widened && random.nextDouble() < 0.05) { // typed on a Russian keyboard, or without ё
            family = cyrillicLetters(family, ru);
            given = cyrillicLetters(given, ru);
            patronymic = patronymic == null ? null : cyrillicLetters(patronymic, ru);
        }
        if (second != null && latin) { // each part of a double surname with its capital: Kovalenko-Shevchuk
            family = capitalParts(family);
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
        if (widened) {
            double r = random.nextDouble();
            if (r < 0.03 && patronymic != null && !patronymic.endsWith(".")) { // given name and patronymic in one field
                given = given + " " + patronymic;
                patronymic = null;
            }
            if (patronymic != null && patronymic.length() > 4 && random.nextDouble() < 0.02) {
                patronymic = typo(patronymic);
            }
            r = random.nextDouble();
            if (r < 0.05) {
                given = given.toUpperCase(java.util.Locale.ROOT);
            } else if (r < 0.06) { // caps lock left on: kOVALENKO
                family = invertCase(family);
            } else if (r < 0.07) {
                family = family.toLowerCase(java.util.Locale.ROOT);
                given = given.toLowerCase(java.util.Locale.ROOT);
            }
            if (random.nextDouble() < (latin ? 0.02 : 0.04)) { // letters of the other script that look the same
                family = lookalikes(family, latin);
                if (random.nextBoolean()) {
                    given = lookalikes(given, latin);
                }
            }
            if (random.nextDouble() < 0.03) {
                if (random.nextBoolean()) {
                    family = stray(family);
                } else {
                    given = stray(given);
                }
            }
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
            service = present ? writeService(widened ? serviceNumber(p) : p.serviceNumber()) : null;
        }
        return new Record(p.id(), source, family, given, patronymic, birth(p.birth()), service);
    }

    private String writeService(String s) {
        if (random.nextDouble() < 0.003) { // a mistyped digit
            int i = 2 + random.nextInt(s.length() - 2);
            s = s.substring(0, i) + (char) ('0' + (s.charAt(i) - '0' + 1) % 10) + s.substring(i + 1);
        }
        if (widened) {
            double w = random.nextDouble();
            if (w < 0.004) { // two neighbouring digits transposed
                int i = 2 + random.nextInt(s.length() - 3);
                s = s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
            } else if (w < 0.007) { // a letter of the series misread
                int i = random.nextInt(2);
                s = s.substring(0, i) + SERVICE_LETTERS.charAt(random.nextInt(SERVICE_LETTERS.length())) + s.substring(i + 1);
            } else if (w < 0.027) { // the series left out: digits only
                return s.substring(2);
            } else if (w < 0.037) {
                return "№ " + s;
            }
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
        if (widened && random.nextDouble() < 0.01) { // two digits of the year transposed: 1987 written 1978
            int y = d.getYear();
            int t = y / 100 * 100 + y % 10 * 10 + y / 10 % 10;
            if (t != y && t <= LATEST_BIRTH.getYear() && !(d.getMonthValue() == 2 && d.getDayOfMonth() == 29)) {
                return PartialDate.of(d.withYear(t));
            }
        }
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
        if (widened && random.nextInt(4) == 0) { // a neighbouring key on the keyboard (Latin or Cyrillic layout)
            char n = neighbour(s.charAt(i));
            return n == 0 ? s : s.substring(0, i) + n + s.substring(i + 1);
        }
        return switch (random.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1); // dropped letter
            case 1 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2); // swapped letters
            default -> s.substring(0, i) + s.charAt(i) + s.substring(i); // doubled letter
        };
    }

    /** Keyboard rows, Latin QWERTY and Ukrainian ЙЦУКЕН: a letter's neighbours are left and right of it. */
    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхї", "фівапролджє",
        "ячсмитьбю"};

    private char neighbour(char c) {
        boolean upper = Character.isUpperCase(c);
        char l = Character.toLowerCase(c);
        for (String row : ROWS) {
            int k = row.indexOf(l);
            if (k >= 0) {
                int j = k == 0 ? 1 : k == row.length() - 1 ? k - 1 : random.nextBoolean() ? k - 1 : k + 1;
                char n = row.charAt(j);
                return upper ? Character.toUpperCase(n) : n;
            }
        }
        return 0;
    }

    /** Russian: the Ukrainian -ьов (Ковальов) is -ёв, mostly written -ев (Ковалёв, Ковалев). */
    private String russianSoftO(String family) {
        if (!family.contains("ьов")) {
            return family;
        }
        return family.replace("ьов", random.nextDouble() < 0.3 ? "ёв" : "ев");
    }

    /** One of the letter swaps of a Russian keyboard or a careless hand: і/и, ї/і, є/е, ґ/г; ё/е in Russian. */
    private String cyrillicLetters(String s, boolean ru) {
        if (ru) {
            return s.replace('ё', 'е').replace('Ё', 'Е');
        }
        return switch (random.nextInt(3)) {
            case 0 -> s.replace('і', 'и').replace('І', 'И').replace('ї', 'и').replace('є', 'е').replace('Є', 'Е');
            case 1 -> s.replace('ї', 'і').replace('є', 'е').replace('Є', 'Е');
            default -> s.replace('ґ', 'г').replace('Ґ', 'Г').replace('і', 'i').replace('І', 'I'); // Latin i for і
        };
    }

    private static final String CYRILLIC_LOOKS = "аеорсхуіАВЕКМНОРСТХІ";
    private static final String LATIN_LOOKS = "aeopcxyiABEKMHOPCTXI";

    /** One to three letters replaced by their look-alikes of the other script (Latin in a Cyrillic name, or back). */
    private String lookalikes(String s, boolean latin) {
        String from = latin ? LATIN_LOOKS : CYRILLIC_LOOKS;
        String to = latin ? CYRILLIC_LOOKS : LATIN_LOOKS;
        StringBuilder b = new StringBuilder(s);
        int want = 1 + random.nextInt(3);
        for (int tries = 0; tries < 12 && want > 0; tries++) {
            int i = random.nextInt(b.length());
            int k = from.indexOf(b.charAt(i));
            if (k >= 0) {
                b.setCharAt(i, to.charAt(k));
                want--;
            }
        }
        return b.toString();
    }

    private static String capitalParts(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 1; i < b.length(); i++) {
            if (!Character.isLetter(b.charAt(i - 1))) {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            }
        }
        return b.toString();
    }

    private static String invertCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** What a register's import still accepts: a trailing dot, spaces around or doubled, a dash of another kind. */
    private String stray(String s) {
        return switch (random.nextInt(4)) {
            case 0 -> s + ".";
            case 1 -> " " + s + "  ";
            case 2 -> s.replace("-", " – ").replace(" ", "  ");
            default -> s.length() > 3 ? s.substring(0, 2) + " " + s.substring(2) : s + " "; // a space typed inside
        };
    }
}
