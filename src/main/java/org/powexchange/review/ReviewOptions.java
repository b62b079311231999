package org.powexchange.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.PersonReviewFacts;
import org.powexchange.people.PersonReviewFactsRepository;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/**
 * What the review forms show, as task-local JSON (gone with the task): each agency sees the people
 * that concern it first, with only the facts it needs; the Staff sees each contested person with
 * every agency's position and the policy recommendation.
 */
@Component("reviewOptions")
public class ReviewOptions {

    private final ListEntryRepository entries;
    private final PersonReviewFactsRepository facts;
    private final ObjectionRepository objections;
    private final ReviewDecisions decisions;

    public ReviewOptions(ListEntryRepository entries, PersonReviewFactsRepository facts, ObjectionRepository objections,
                         ReviewDecisions decisions) {
        this.entries = entries;
        this.facts = facts;
        this.objections = objections;
        this.decisions = decisions;
    }

    /** What concerns each agency, as its review form introduces it (routing: bpmn/review-routing.dmn). */
    private static final Map<String, String> CONCERNS = Map.of(
            Groups.DEFENCE, "officers (rank and time in captivity)",
            Groups.MILITARY_INTELLIGENCE, "people with a strategic flag",
            Groups.SECURITY_SERVICE, "people with a strategic flag or pending criminal proceedings",
            Groups.FOREIGN_INTELLIGENCE, "people with a strategic flag",
            Groups.INTERIOR, "people with pending criminal proceedings (GC III art. 119)",
            Groups.OMBUDSMAN, "the seriously wounded and sick, minors and civilians");

    /**
     * The introduction of the one review form (forms/review.form), per agency: a task-local variable, so six
     * agencies share one form and differ only in this text.
     */
    public String introduction(String agency) {
        String name = Groups.displayName(agency);
        String concern = CONCERNS.get(agency);
        if (concern == null) {
            throw new IllegalArgumentException("not a reviewing agency: " + agency);
        }
        return "# Review by the " + name + "\n\nThe people who concern the " + name + " — " + concern
                + " — are listed first, with only the facts you need. **Object** to a named person by adding a row with"
                + " a reason code and a comment; completing the task **approves everyone else in one step**."
                + " Objections go to the Coordination Staff, who decide per person (keep, remove and replace from the"
                + " reserve, or defer).";
    }

    /** Gateway condition: does this agency review in this pass? */
    public boolean includes(String agenciesCsv, String agency) {
        return csv(agenciesCsv).contains(agency);
    }

    /** Table rows: the people on the lists that concern the agency (in a re-review: the changed ones only). */
    public SpinJsonNode concerned(String exchangeId, String agency, String changedCsv) {
        UUID ex = UUID.fromString(exchangeId);
        Map<Long, String> concern = concernOf(ex, agency);
        Map<Long, PersonReviewFacts> f = facts.forExchange(ex);
        Set<String> changed = csv(changedCsv);
        SpinJsonNode rows = Spin.JSON("[]");
        for (Person p : onList(ex)) {
            if (!concern.containsKey(p.id()) || !changed.isEmpty() && !changed.contains(String.valueOf(p.id()))) {
                continue;
            }
            SpinJsonNode row = Spin.JSON("{}");
            row.prop("person", p.displayName());
            row.prop("side", p.side().name());
            row.prop("concern", concern.get(p.id()));
            row.prop("facts", factsFor(agency, p, f.getOrDefault(p.id(), PersonReviewFacts.none(p.id()))));
            rows.append(row);
        }
        return rows;
    }

    /** Select options for an objection: every person on the lists, those that concern the agency first. */
    public SpinJsonNode people(String exchangeId, String agency, String changedCsv) {
        UUID ex = UUID.fromString(exchangeId);
        Map<Long, String> concern = concernOf(ex, agency);
        Set<String> changed = csv(changedCsv);
        List<Person> first = new ArrayList<>();
        List<Person> rest = new ArrayList<>();
        for (Person p : onList(ex)) {
            boolean mine = concern.containsKey(p.id())
                    && (changed.isEmpty() || changed.contains(String.valueOf(p.id())));
            (mine ? first : rest).add(p);
        }
        SpinJsonNode options = Spin.JSON("[]");
        for (Person p : first) {
            options.append(option(p, "★ " + p.displayName() + " – " + concern.get(p.id())));
        }
        for (Person p : rest) {
            options.append(option(p, p.displayName() + " – " + (p.side().name().equals("BRING_HOME") ? "to bring home" : "to release")));
        }
        return options;
    }

    /** The contested people of this pass, prefilled for the Staff's dynamic list. */
    public SpinJsonNode contested(String exchangeId, Object round, Object pass) {
        UUID ex = UUID.fromString(exchangeId);
        SpinJsonNode items = Spin.JSON("[]");
        for (Contested c : contestedPeople(ex, ((Number) round).intValue(), ((Number) pass).intValue())) {
            SpinJsonNode item = Spin.JSON("{}");
            item.prop("personId", String.valueOf(c.person().id()));
            item.prop("person", c.person().displayName()
                    + (c.person().seriouslyWoundedSick() ? " – seriously wounded/sick (art. 109)" : ""));
            item.prop("positions", c.positions());
            item.prop("recommendation", c.recommendation().decision() + ": " + c.recommendation().rationale());
            items.append(item);
        }
        return items;
    }

    record Contested(Person person, String positions, List<String> reasonCodes,
                     ReviewDecisions.Recommendation recommendation) {
    }

    /** Every contested person of a pass with every agency's position (objection, approval or silence). */
    List<Contested> contestedPeople(UUID ex, int round, int pass) {
        Map<Long, List<ObjectionRepository.Objection>> byPerson = objections.objections(ex, round, pass).stream()
                .collect(Collectors.groupingBy(ObjectionRepository.Objection::personId, LinkedHashMap::new,
                        Collectors.toList()));
        List<Contested> out = new ArrayList<>();
        byPerson.forEach((personId, list) -> {
            Person p = entries.row(ex, personId).orElseThrow().person();
            StringBuilder positions = new StringBuilder();
            for (String agency : Groups.AGENCIES) {
                var mine = list.stream().filter(o -> o.agency().equals(agency)).findFirst();
                positions.append(Groups.displayName(agency)).append(": ")
                        .append(mine.map(o -> "OBJECTS – " + o.reasonCode()
                                + (o.comment() == null ? "" : " (" + o.comment() + ")")).orElse("no objection"))
                        .append('\n');
            }
            List<String> codes = list.stream().map(ObjectionRepository.Objection::reasonCode).distinct().toList();
            out.add(new Contested(p, positions.toString().strip(), codes, decisions.policy(p, codes)));
        });
        return out;
    }

    private List<Person> onList(UUID ex) {
        return entries.rows(ex).stream().filter(r -> r.entry().status() == EntryStatus.PROPOSED)
                .map(ListEntryRepository.Row::person).toList();
    }

    private Map<Long, String> concernOf(UUID ex, String agency) {
        Map<Long, String> out = new LinkedHashMap<>();
        objections.concerns(ex).stream().filter(c -> c.agency().equals(agency))
                .forEach(c -> out.put(c.personId(), c.concern()));
        return out;
    }

    /** Data minimisation: each agency gets the facts its concern needs, nothing more. */
    static String factsFor(String agency, Person p, PersonReviewFacts f) {
        List<String> out = new ArrayList<>();
        switch (agency) {
            case Groups.DEFENCE -> {
                out.add(p.category().name());
                if (f.militaryRank() != null) {
                    out.add("rank " + f.militaryRank());
                }
                if (p.capturedOn() != null) {
                    out.add("captured " + p.capturedOn());
                }
            }
            case Groups.MILITARY_INTELLIGENCE, Groups.FOREIGN_INTELLIGENCE -> {
                if (p.serviceNumber() != null) {
                    out.add("service no. " + p.serviceNumber());
                }
                if (f.strategic()) {
                    out.add("strategic: " + f.strategicFlag());
                }
            }
            case Groups.SECURITY_SERVICE -> {
                if (f.strategic()) {
                    out.add("strategic: " + f.strategicFlag());
                }
                if (f.pendingCriminalProceedings()) {
                    out.add("criminal proceedings pending");
                }
            }
            case Groups.INTERIOR -> {
                if (p.birthDate() != null) {
                    out.add("born " + p.birthDate());
                }
                if (f.pendingCriminalProceedings()) {
                    out.add("criminal proceedings pending");
                }
            }
            case Groups.OMBUDSMAN -> {
                out.add(p.category().name());
                if (p.seriouslyWoundedSick()) {
                    out.add("seriously wounded/sick (art. 109)");
                }
                if (ReviewDecisions.isMinor(p)) {
                    out.add("minor");
                }
                if (p.capturedOn() != null) {
                    out.add("held since " + p.capturedOn());
                }
            }
            default -> {
            }
        }
        return String.join(", ", out);
    }

    private static SpinJsonNode option(Person p, String label) {
        SpinJsonNode o = Spin.JSON("{}");
        o.prop("label", label);
        o.prop("value", String.valueOf(p.id()));
        return o;
    }

    static Set<String> csv(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
    }
}
