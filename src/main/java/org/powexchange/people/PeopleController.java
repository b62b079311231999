package org.powexchange.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The people of an exchange with their list, rank, phase and status: for the Coordination Staff only. */
@RestController
public class PeopleController {

    private final ListEntryRepository entries;
    private final ExchangeService exchanges;
    private final CurrentUser user;

    public PeopleController(ListEntryRepository entries, ExchangeService exchanges, CurrentUser user) {
        this.entries = entries;
        this.exchanges = exchanges;
        this.user = user;
    }

    @GetMapping("/api/exchanges/{id}/people")
    public List<Map<String, Object>> people(@PathVariable UUID id,
                                            @RequestParam(required = false) Side side,
                                            @RequestParam(required = false) EntryStatus status) {
        user.require(Groups.COORDINATION_STAFF);
        exchanges.get(id);
        return entries.rows(id).stream()
                .filter(r -> side == null || r.entry().list() == side)
                .filter(r -> status == null || r.entry().status() == status)
                .map(PeopleController::view).toList();
    }

    static Map<String, Object> view(ListEntryRepository.Row r) {
        Person p = r.person();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", p.id());
        m.put("externalRef", p.externalRef());
        m.put("side", p.side());
        m.put("familyName", p.familyName());
        m.put("givenName", p.givenName());
        m.put("birthDate", p.birthDate());
        m.put("category", p.category());
        m.put("seriouslyWoundedSick", p.seriouslyWoundedSick());
        m.put("lifeStatus", p.lifeStatus());
        m.put("rank", r.entry().rankNo());
        m.put("phaseNo", r.entry().phaseNo());
        m.put("status", r.entry().status());
        m.put("statusReason", r.entry().statusReason());
        return m;
    }
}
