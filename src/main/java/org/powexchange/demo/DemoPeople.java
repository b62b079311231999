package org.powexchange.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invented people for the demo exchanges (no real person: names made up from words like "invented",
 * "example", "draft"). Some are written in Cyrillic, as family appeals often are, so the board's search can be
 * tried in either script.
 */
final class DemoPeople {

    private static final String[][] WAITING_HOME = {
            {"Vyhadanenko", "Ivan"}, {"Prykladko", "Petro"}, {"Zrazkovska", "Olena"}, {"Chernetkin", "Taras"},
            {"Макетенко", "Андрій"}, {"Shablonchuk", "Mykola"}, {"Uiavnyi", "Serhii"}, {"Umovnenko", "Yurii"},
            {"Протокольна", "Оксана"}, {"Kopiichenko", "Bohdan"}};
    private static final String[][] WAITING_RELEASE = {
            {"Fiktivov", "Boris"}, {"Primerov", "Gleb"}, {"Obraztsov", "Dmitri"}, {"Shablonov", "Kirill"},
            {"Maketov", "Yegor"}, {"Uslovnov", "Timofei"}, {"Chernovikov", "Artyom"}, {"Vymyslov", "Stepan"},
            {"Nabroskin", "Fyodor"}};
    private static final String[][] RUNNING_HOME = {
            {"Тестенко", "Василь"}, {"Zrazkovyi", "Dmytro"}, {"Vyhaduk", "Oleh"}, {"Prototypenko", "Roman"},
            {"Eskizna", "Iryna"}, {"Macketiuk", "Volodymyr"}, {"Shkitsenko", "Maksym"}, {"Probnyi", "Ostap"},
            {"Нарисенко", "Лев"}, {"Obrazkivska", "Halyna"}};
    private static final String[][] RUNNING_RELEASE = {
            {"Ispytaniev", "Nikita"}, {"Obrazchikov", "Pavel"}, {"Chertyozhin", "Roman"}, {"Proektov", "Ilya"},
            {"Modelin", "Gennadi"}, {"Kalkin", "Yakov"}, {"Shtampov", "Lev"}, {"Eskizov", "Matvei"},
            {"Variantov", "Zakhar"}};

    static List<Map<String, Object>> waitingAtConfirmation() {
        return people("A", WAITING_HOME, WAITING_RELEASE);
    }

    static List<Map<String, Object>> inFirstPhase() {
        return people("B", RUNNING_HOME, RUNNING_RELEASE);
    }

    private static List<Map<String, Object>> people(String prefix, String[][] home, String[][] release) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < home.length; i++) {
            Map<String, Object> p = person(prefix + "-H-" + (i + 1), "BRING_HOME", home[i], i);
            if (i == 1) {
                p.put("seriouslyWoundedSick", true); // art. 109: repatriated regardless of number
            }
            if (i == 2 || i == 8) {
                p.put("category", "CIVILIAN");
            }
            out.add(p);
        }
        for (int i = 0; i < release.length; i++) {
            out.add(person(prefix + "-R-" + (i + 1), "RELEASE", release[i], i));
        }
        return out;
    }

    private static Map<String, Object> person(String ref, String side, String[] name, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("externalRef", ref);
        p.put("side", side);
        p.put("familyName", name[0]);
        p.put("givenName", name[1]);
        p.put("birthDate", LocalDate.of(1975 + (i * 3) % 25, 1 + i % 12, 3 + (i * 7) % 25).toString());
        p.put("serviceNumber", (side.equals("BRING_HOME") ? "UA-DEMO-" : "XX-DEMO-") + ref.replace("-", ""));
        p.put("category", "MILITARY");
        p.put("capturedOn", LocalDate.of(2025, 1 + i % 12, 1 + i).toString());
        if (side.equals("BRING_HOME")) {
            p.put("lifeStatus", "CONFIRMED_ALIVE");
        }
        return p;
    }

    private DemoPeople() {
    }
}
