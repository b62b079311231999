package org.powexchange.verification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;
import org.springframework.stereotype.Component;

/**
 * What "Verify the people of round N" (forms/verify-people.form) shows, as task-local JSON gone with the
 * task: per person only what verifying needs — name, birth date, service number, who holds them and the
 * place of detention; no review facts, no agency data.
 */
@Component("verificationForm")
public class VerificationForm {

    /** One person of the round, in the order the form lists them. */
    public record RoundPerson(long personId, String label) {
    }

    private final ListEntryRepository entries;
    private final VerificationRepository results;

    public VerificationForm(ListEntryRepository entries, VerificationRepository results) {
        this.entries = entries;
        this.results = results;
    }

    /**
     * The people still waiting for a result: awaiting verification with none, or undecided at the last
     * interview (interviewed again). Ordered by list, family name and given name.
     */
    public List<Person> round(UUID exchangeId) {
        return entries.rows(exchangeId).stream()
                .filter(r -> r.entry().status() == EntryStatus.AWAITING_VERIFICATION)
                .map(ListEntryRepository.Row::person)
                .filter(p -> results.find(exchangeId, p.id())
                        .map(r -> r.outcome() == VerificationOutcome.CONSENT_UNDECIDED).orElse(true))
                .sorted(Comparator.comparing(Person::side).thenComparing(Person::familyName)
                        .thenComparing(Person::givenName).thenComparingLong(Person::id))
                .toList();
    }

    /** Table rows (and, by position, the person of each findings row). */
    public SpinJsonNode people(String exchangeId) {
        UUID ex = UUID.fromString(exchangeId);
        Map<Long, String> places = results.placesOfDetention(ex);
        SpinJsonNode rows = Spin.JSON("[]");
        int no = 0;
        for (Person p : round(ex)) {
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("no", ++no);
            row.prop("personId", p.id());
            row.prop("person", p.fullName());
            row.prop("born", p.birthDate() == null ? "unknown" : p.birthDate().toString());
            row.prop("serviceNumber", p.serviceNumber() == null ? "—" : p.serviceNumber());
            // our people to bring home are held by the other side; those we release are held by us
            row.prop("heldBy", p.side() == Side.BRING_HOME ? "the other side" : "us");
            row.prop("placeOfDetention", places.getOrDefault(p.id(), "not given in the sources"));
            rows.append(row);
        }
        return rows;
    }

    /** The findings rows, prefilled with the person they are for (the neutral party fills the rest). */
    public SpinJsonNode rows(String exchangeId) {
        UUID ex = UUID.fromString(exchangeId);
        SpinJsonNode rows = Spin.JSON("[]");
        int no = 0;
        for (Person p : round(ex)) {
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("person", (++no) + ". " + p.fullName()
                    + (p.birthDate() == null ? "" : " (b. " + p.birthDate() + ")"));
            rows.append(row);
        }
        return rows;
    }
}
