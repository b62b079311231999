package org.powexchange.bench;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented people for the exchange benchmark: fictional combinations of common Ukrainian name parts,
 * each name and birth date distinct, with their BGN Latin spellings and Russian given-name forms.
 */
final class SyntheticPeople {

    record Person(int id, String family, String givenUk, String givenRu, String familyLatin, String givenLatin,
                  LocalDate birth, String serviceNumber, boolean military) {

        String russianFamily() {
            return family.replace("і", "и").replace("ї", "и").replace("є", "е");
        }
    }

    static final String[][] GIVEN = {
            {"Олександр", "Александр"}, {"Микола", "Николай"}, {"Дмитро", "Дмитрий"}, {"Андрій", "Андрей"},
            {"Сергій", "Сергей"}, {"Іван", "Иван"}, {"Петро", "Пётр"}, {"Юрій", "Юрий"}, {"Василь", "Василий"},
            {"Михайло", "Михаил"}, {"Олексій", "Алексей"}, {"Григорій", "Григорий"}, {"Тарас", "Тарас"},
            {"Богдан", "Богдан"}, {"Володимир", "Владимир"}, {"Віктор", "Виктор"}, {"Олег", "Олег"},
            {"Роман", "Роман"}, {"Ігор", "Игорь"}, {"Євген", "Евгений"}, {"Степан", "Степан"},
            {"Максим", "Максим"}, {"Павло", "Павел"}, {"Костянтин", "Константин"}, {"Анатолій", "Анатолий"},
            {"Віталій", "Виталий"}, {"Ярослав", "Ярослав"}, {"Остап", "Остап"}, {"Назар", "Назар"},
            {"Олена", "Елена"}, {"Оксана", "Оксана"}, {"Ірина", "Ирина"}, {"Тетяна", "Татьяна"}};

    static final String[] ROOTS = {"Коваль", "Бондар", "Мельн", "Шевч", "Ткач", "Кравч", "Олійн", "Шпак", "Гнат",
            "Дорош", "Марч", "Петр", "Савч", "Лис", "Гончар", "Руд", "Сидор", "Заруб", "Кушн", "Павл", "Мороз",
            "Левч", "Тимош", "Хом", "Остап", "Яковл", "Гуцал", "Білоус", "Черн", "Лук", "Семен", "Гаврил", "Наум",
            "Вакул", "Прокоп", "Федор", "Стець", "Климч", "Довж", "Осад", "Жур", "Щерб", "Цибул", "Пилип",
            "Гриц", "Терещ", "Юрч", "Кирил"};

    static final String[] SUFFIXES = {"енко", "чук", "ук", "як", "ишин", "ець", "ич", "ський", "ко", "ан"};

    private final Random random;
    private final Transliterator latin = Transliterator.getInstance("Ukrainian-Latin/BGN");
    private final Set<String> used = new HashSet<>();
    private int next = 1;

    SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    /** BGN writes the soft sign as a modifier letter and separates some digraphs with a dot; sources do not. */
    static String ascii(String s) {
        return s.replace("\u00B7", "").replaceAll("[\u2019\u02B9\u02BC]", "'");
    }

    List<Person> people(int count) {
        List<Person> out = new ArrayList<>(count);
        while (out.size() < count) {
            String[] g = GIVEN[random.nextInt(GIVEN.length)];
            String family = ROOTS[random.nextInt(ROOTS.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
            if (!used.add(family + " " + g[0])) {
                continue; // every person a distinct name: the duplicates are the ones the sources make
            }
            LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(38 * 365));
            boolean military = random.nextDouble() < 0.85;
            int id = next++;
            String service = military ? String.format("UA%07d", 2_000_000 + id) : null;
            out.add(new Person(id, family, g[0], g[1], ascii(latin.transliterate(family)), ascii(latin.transliterate(g[0])), birth,
                    service, military));
        }
        return out;
    }
}
