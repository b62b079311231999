package org.powexchange.drafting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.people.Category;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.PersonRepository;
import org.powexchange.people.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the submitted candidates into two ranked lists: people to bring home and people to release,
 * each at the formula size plus a reserve. The seriously wounded and sick are always proposed and
 * never counted against the formula (Geneva Convention III art. 109).
 */
@Service
public class DraftingService {

    public record Compiled(int candidates, int bringHome, int release, int art109, int reserveHome,
                           int reserveRelease, int tracked) {
    }

    /** Entries drafting may still rearrange; later stages own the others. */
    private static final Set<EntryStatus> DRAFTABLE =
            EnumSet.of(EntryStatus.CANDIDATE, EntryStatus.PROPOSED, EntryStatus.RESERVE, EntryStatus.TRACKED);

    /** Seriously wounded and sick first, then civilians, then the longest held. */
    static final Comparator<Person> PRIORITY = Comparator
            .comparing((Person p) -> !p.seriouslyWoundedSick())
            .thenComparing(p -> p.category() != Category.CIVILIAN)
            .thenComparing(Person::capturedOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparingLong(Person::id);

    private final ExchangeRepository exchanges;
    private final PersonRepository persons;
    private final ListEntryRepository entries;
    private final AuditLog audit;

    public DraftingService(ExchangeRepository exchanges, PersonRepository persons, ListEntryRepository entries,
                           AuditLog audit) {
        this.exchanges = exchanges;
        this.persons = persons;
        this.entries = entries;
        this.audit = audit;
    }

    @Transactional
    public Compiled compile(UUID exchangeId) {
        Exchange exchange = exchanges.find(exchangeId).orElseThrow();
        Map<Long, ListEntryRepository.Row> byPerson = new HashMap<>();
        entries.rows(exchangeId).forEach(r -> byPerson.put(r.person().id(), r));
        for (Person p : persons.findByExchange(exchangeId)) {
            if (!byPerson.containsKey(p.id())) {
                entries.insert(exchangeId, p.id(), p.side(), EntryStatus.CANDIDATE);
            }
        }
        List<ListEntryRepository.Row> rows = entries.rows(exchangeId).stream()
                .filter(r -> DRAFTABLE.contains(r.entry().status())).toList();
        int[] proposed = new int[2];
        int[] reserve = new int[2];
        int art109 = 0;
        int tracked = 0;
        for (Side side : Side.values()) {
            List<ListEntryRepository.Row> eligible = new ArrayList<>();
            for (ListEntryRepository.Row r : rows) {
                if (r.entry().list() != side) {
                    continue;
                }
                String notEligible = notEligible(r.person());
                if (notEligible != null) {
                    entries.update(r.entry().id(), null, null, EntryStatus.TRACKED, notEligible);
                    tracked++;
                } else {
                    eligible.add(r);
                }
            }
            eligible.sort(Comparator.comparing(ListEntryRepository.Row::person, PRIORITY));
            int rank = 0;
            int counted = 0;
            for (ListEntryRepository.Row r : eligible) {
                rank++;
                persons.setPriority(r.person().id(), rank);
                EntryStatus status;
                if (r.person().seriouslyWoundedSick()) {
                    status = EntryStatus.PROPOSED;
                    art109++;
                } else if (counted < exchange.formulaSize()) {
                    status = EntryStatus.PROPOSED;
                    counted++;
                } else {
                    status = EntryStatus.RESERVE;
                    reserve[side.ordinal()]++;
                }
                if (status == EntryStatus.PROPOSED) {
                    proposed[side.ordinal()]++;
                }
                entries.update(r.entry().id(), rank, null, status,
                        r.person().seriouslyWoundedSick() ? "art. 109: exempt from parity" : null);
            }
        }
        Compiled c = new Compiled(rows.size(), proposed[0], proposed[1], art109, reserve[0], reserve[1], tracked);
        audit.record(exchangeId, "system", "LISTS_COMPILED", null, c.toString());
        return c;
    }

    /** Why a person cannot go on a list now, or null. Only the confirmed living are brought home. */
    static String notEligible(Person p) {
        if (p.lifeStatus() == LifeStatus.DECEASED) {
            return "deceased: repatriation of remains is handled outside the exchange";
        }
        if (p.side() == Side.BRING_HOME && p.lifeStatus() != LifeStatus.CONFIRMED_ALIVE) {
            return "life not confirmed: needs neutral-party registration, recent photo or video, or a letter";
        }
        return null;
    }
}
