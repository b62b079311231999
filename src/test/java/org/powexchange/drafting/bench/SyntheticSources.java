package org.powexchange.drafting.bench;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.powexchange.people.matching.PartialDate;

/**
 * Invented people and the source records that describe them, with the truth kept: each record
 * knows which person it is about. Names are fictional combinations of common Ukrainian name parts,
 * written in Ukrainian Cyrillic, in their Russian forms, and in several Latin spellings (BGN/PCGN,
 * Polish, English), with typos, swapped day and month, partly known or missing birth dates and
 * service numbers present only in some sources.
 */
public final class SyntheticSources {

    public enum Source { MILITARY_RECORDS, INTELLIGENCE, FAMILY_APPEALS }

    public record Person(int id, String family, String givenUk, String givenRu, java.time.LocalDate birth,
                         String serviceNumber, boolean military) {
    }

    public record Record(int truthId, Source source, String family, String given, PartialDate birth,
                         String serviceNumber) {
    }

    static final String[][] GIVEN = {
            {"Олександр", "Александр"}, {"Микола", "Николай"}, {"Дмитро", "Дмитрий"}, {"Андрій", "Андрей"},
            {"Сергій", "Сергей"}, {"Іван", "Иван"}, {"Петро", "Пётр"}, {"Юрій", "Юрий"}, {"Василь", "Василий"},
            {"Михайло", "Михаил"}, {"Олексій", "Алексей"}, {"Григорій", "Григорий"}, {"Тарас", "Тарас"},
            {"Богдан", "Богдан"}, {"Володимир", "Владимир"}, {"Віктор", "Виктор"}, {"Олег", "Олег"},
            {"Роман", "Роман"}, {"Ігор", "Игорь"}, {"Євген", "Евгений"}, {"Степан", "Степан"},
            {"Максим", "Максим"}, {"Павло", "Павел"}, {"Костянтин", "Константин"}, {"Анатолій", "Анатолий"},
            {"Віталій", "Виталий"}, {"Ярослав", "Ярослав"}, {"Остап", "Остап"}, {"Назар", "Назар"},
            {"Олена", "Елена"}, {"Оксана", "Оксана"}, {"Наталія", "Наталья"}, {"Ірина", "Ирина"},
            {"Тетяна", "Татьяна"}, {"Марія", "Мария"}, {"Світлана", "Светлана"}, {"Людмила", "Людмила"}};

    static final String[] ROOTS = {"Коваль", "Бондар", "Мельн", "Шевч", "Ткач", "Кравч", "Олійн", "Шпак", "Гнат",
            "Дорош", "Марч", "Петр", "Савч", "Лис", "Гончар", "Руд", "Сидор", "Заруб", "Кушн", "Павл", "Мороз",
            "Левч", "Тимош", "Хом", "Остап", "Яковл", "Гуцал", "Білоус", "Черн", "Лук", "Семен", "Гаврил", "Наум",
            "Вакул", "Прокоп", "Федор", "Стець", "Климч", "Довж", "Осад", "Жур", "Щерб", "Цибул", "Пилип",
            "Гриц", "Терещ", "Юрч", "Кирил"};

    static final String[] SUFFIXES = {"енко", "чук", "ук", "як", "ишин", "ець", "ич", "ський", "ко", "ан"};

    private final Random random;
    private final Transliterator ukLatin = Transliterator.getInstance("Ukrainian-Latin/BGN");
    private final Transliterator ruLatin = Transliterator.getInstance("Russian-Latin/BGN");

    public SyntheticSources(long seed) {
        this.random = new Random(seed);
    }

    public List<Person> people(int count) {
        List<Person> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String[] g = GIVEN[random.nextInt(GIVEN.length)];
            String family = ROOTS[random.nextInt(ROOTS.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
            java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1).plusDays(random.nextInt(46 * 365));
            boolean military = random.nextDouble() < 0.7;
            String service = military ? String.format("UA%07d", 1_000_000 + random.nextInt(8_999_999)) : null;
            out.add(new Person(i, family, g[0], g[1], birth, service, military));
        }
        return out;
    }

    /** Exactly {@code total} records over the people, 1-4 each (2.5 on average at 30,000 for 12,000), shuffled. */
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

    private Record record(Person p, Source source) {
        boolean russianForm = source == Source.INTELLIGENCE && random.nextDouble() < 0.5;
        String family = russianForm ? russianSurname(p.family()) : p.family();
        String given = russianForm ? p.givenRu() : p.givenUk();
        double script = random.nextDouble();
        if (script < 0.45) {
            // Cyrillic as written
        } else if (script < 0.75) {
            family = latin(family, russianForm);
            given = latin(given, russianForm);
        } else if (script < 0.88) {
            family = polish(latin(family, russianForm));
            given = latin(given, russianForm);
        } else {
            family = english(latin(family, russianForm));
            given = english(latin(given, true));
        }
        if (random.nextDouble() < 0.08) {
            family = typo(family);
        }
        if (random.nextDouble() < 0.05) {
            given = typo(given);
        }
        String service = null;
        if (p.serviceNumber() != null) {
            double s = random.nextDouble();
            service = switch (source) {
                case MILITARY_RECORDS -> p.serviceNumber();
                case INTELLIGENCE -> s < 0.4 ? p.serviceNumber() : null;
                case FAMILY_APPEALS -> s < 0.15 ? p.serviceNumber() : null;
            };
        }
        return new Record(p.id(), source, family, given, birth(p.birth()), service);
    }

    private PartialDate birth(java.time.LocalDate d) {
        double r = random.nextDouble();
        if (r < 0.80) {
            return PartialDate.of(d);
        }
        if (r < 0.86) {
            return d.getDayOfMonth() <= 12 ? new PartialDate(d.getYear(), d.getDayOfMonth(), d.getMonthValue())
                    : PartialDate.of(d);
        }
        if (r < 0.91) {
            return new PartialDate(d.getYear(), null, null);
        }
        if (r < 0.95) {
            return new PartialDate(d.getYear(), d.getMonthValue(), null);
        }
        return PartialDate.UNKNOWN;
    }

    static String russianSurname(String uk) {
        return uk.replace("ський", "ский").replace('і', 'и').replace('ї', 'и').replace('є', 'е').replace('ґ', 'г');
    }

    private final java.util.Map<String, String> latinCache = new java.util.HashMap<>();

    private String latin(String s, boolean russian) {
        return latinCache.computeIfAbsent(russian + s, k -> latinUncached(s, russian));
    }

    private String latinUncached(String s, boolean russian) {
        String latin = (russian ? ruLatin : ukLatin).transliterate(s).replace("'", "").replace("ʹ", "");
        return java.text.Normalizer.normalize(latin, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String polish(String s) {
        return s.replace("shch", "szcz").replace("ch", "cz").replace("sh", "sz").replace("kh", "ch")
                .replace('v', 'w').replace("y", "j").replace("Y", "J");
    }

    private static String english(String s) {
        return s.replace("ks", "x").replace("iy", "y").replace("yy", "y").replace("yi", "i");
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
