package org.powexchange.browser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powexchange.ExchangeDriver;

/**
 * Invented people for the browser scenarios, a "2 for 2" exchange. To bring home: Testenko, Pryklad
 * (seriously wounded, art. 109: exempt from parity), Vigadana (a civilian). To release: Fiktivov with
 * criminal proceedings pending (security service, interior), Primerov with a strategic flag (both
 * intelligence services, security service); Obraztsov in reserve.
 */
final class BrowserData {

    static final List<Map<String, Object>> PEOPLE = List.of(
            ExchangeDriver.person("H-1", "BRING_HOME", "Testenko", "Ivan", "MILITARY", false, "CONFIRMED_ALIVE"),
            ExchangeDriver.person("H-2", "BRING_HOME", "Pryklad", "Petro", "MILITARY", true, "CONFIRMED_ALIVE"),
            ExchangeDriver.person("H-3", "BRING_HOME", "Vigadana", "Olena", "CIVILIAN", false, "CONFIRMED_ALIVE"),
            with(ExchangeDriver.person("R-1", "RELEASE", "Fiktivov", "Boris", "MILITARY", false, null),
                    "pendingCriminalProceedings", true),
            with(ExchangeDriver.person("R-2", "RELEASE", "Primerov", "Gleb", "MILITARY", false, null),
                    "strategicFlag", "cipher officer"),
            ExchangeDriver.person("R-3", "RELEASE", "Obraztsov", "Dmitri", "MILITARY", false, null));

    private static Map<String, Object> with(Map<String, Object> person, String key, Object value) {
        Map<String, Object> m = new HashMap<>(person);
        m.put(key, value);
        return m;
    }

    private BrowserData() {
    }
}
