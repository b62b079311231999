package org.powexchange.people;

import java.time.LocalDate;
import java.util.List;
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
    public List<PersonOnList> people(@PathVariable UUID id,
                                     @RequestParam(required = false) Side side,
                                     @RequestParam(required = false) EntryStatus status) {
        user.require(Groups.COORDINATION_STAFF);
        exchanges.get(id);
        return entries.rows(id).stream()
                .filter(r -> side == null || r.entry().list() == side)
                .filter(r -> status == null || r.entry().status() == status)
                .map(PeopleController::view).toList();
    }

    /** One person on the exchange's lists, where they stand. */
    public record PersonOnList(long personId, String externalRef, Side side, String familyName, String givenName,
                               LocalDate birthDate, Category category, boolean seriouslyWoundedSick,
                               LifeStatus lifeStatus, Integer rank, Integer phaseNo, EntryStatus status,
                               String statusReason) {
    }

    static PersonOnList view(ListEntryRepository.Row r) {
        Person p = r.person();
        return new PersonOnList(p.id(), p.externalRef(), p.side(), p.familyName(), p.givenName(), p.birthDate(),
                p.category(), p.seriouslyWoundedSick(), p.lifeStatus(), r.entry().rankNo(), r.entry().phaseNo(),
                r.entry().status(), r.entry().statusReason());
    }
}
