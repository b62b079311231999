package org.powexchange.browser;

import java.util.List;
import java.util.Map;
import org.powexchange.ExchangeDriver;

/** Invented people for the browser scenarios. */
final class BrowserData {

    static final List<Map<String, Object>> PEOPLE = List.of(
            ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
            ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", true, "CONFIRMED_ALIVE"),
            ExchangeDriver.person("H-3", "BRING_HOME", "Vigadana", "Olena", "CIVILIAN", false, "CONFIRMED_ALIVE"),
            ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
            ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null),
            ExchangeDriver.person("R-3", "RELEASE", "Obraztsov", "Dmitri", "MILITARY", false, null));

    private BrowserData() {
    }
}
