package org.powexchange.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Parity;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.people.CriminalProceedings;
import org.powexchange.forms.FormRows;
import org.powexchange.refusal.Refusal;
import org.powexchange.people.CriminalProceedingsRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.IdentityDoubtRepository;
import org.powexchange.people.Side;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.PersonReviewFacts;
import org.powexchange.people.PersonReviewFactsRepository;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Service;

/** The rules of the interagency review: routing, objections, and the Staff's resolution of them. */
@Service
public class ReviewService {

    public record ObjectionInput(long personId, String reasonCode, String comment) {
    }

    /** {@code deferToPhase}: with DEFER, the person stays on the list and crosses in that phase or later. */
    public record ResolutionInput(long personId, String decision, String basisCode, String comment,
                                  Integer deferToPhase) {
        public ResolutionInput(long personId, String decision, String basisCode, String comment) {
            this(personId, decision, basisCode, comment, null);
        }
    }

    /** Who changed on the lists, and which agencies those changes concern. */
    public record Resolved(Set<Long> changedPersons, Set<String> agenciesToReReview) {
    }

    private final ReviewRepository reviews;
    private final ObjectionRepository objections;
    private final ListEntryRepository entries;
    private final PersonReviewFactsRepository facts;
    private final ReviewDecisions decisions;
    private final ReviewOptions options;
    private final AuditLog audit;
    private final CriminalProceedingsRepository proceedings;
    private final IdentityDoubtRepository identityDoubts;
    private final ExchangeRepository exchanges;

    public ReviewService(ReviewRepository reviews, ObjectionRepository objections, ListEntryRepository entries,
                         PersonReviewFactsRepository facts, ReviewDecisions decisions, ReviewOptions options,
                         AuditLog audit, CriminalProceedingsRepository proceedings,
                         IdentityDoubtRepository identityDoubts, ExchangeRepository exchanges) {
        this.proceedings = proceedings;
        this.identityDoubts = identityDoubts;
        this.exchanges = exchanges;
        this.reviews = reviews;
        this.objections = objections;
        this.entries = entries;
        this.facts = facts;
        this.decisions = decisions;
        this.options = options;
        this.audit = audit;
    }

    /** Opens a new round: routes every person on the lists by the decision table. Returns the round number. */
    public int openRound(UUID exchangeId) {
        int round = reviews.lastRound(exchangeId) + 1;
        Map<Long, PersonReviewFacts> f = facts.forExchange(exchangeId);
        int routed = 0;
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().status() == EntryStatus.PROPOSED) {
                route(exchangeId, r.person(), f.getOrDefault(r.person().id(), PersonReviewFacts.none(r.person().id())));
                routed++;
            }
        }
        audit.record(exchangeId, "system", "REVIEW_ROUND_OPENED", "round " + round, routed + " people routed");
        return round;
    }

    /** A round opened for the replacements only: who they are and which agencies their routing names. */
    public record ReplacementRound(int round, Set<Long> people, Set<String> agencies) {
    }

    /**
     * Opens a short round for the replacements verification proposed or the reserve people the agreement
     * added (given by id, still PROPOSED): each is routed like everyone else, and only the agencies their
     * routing names review them (none: cleared).
     */
    public ReplacementRound openReplacementRound(UUID exchangeId, Set<String> personIds) {
        int round = reviews.lastRound(exchangeId) + 1;
        Map<Long, PersonReviewFacts> f = facts.forExchange(exchangeId);
        Set<Long> people = new LinkedHashSet<>();
        Set<String> agencies = new TreeSet<>();
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().status() == EntryStatus.PROPOSED && personIds.contains(String.valueOf(r.person().id()))) {
                route(exchangeId, r.person(), f.getOrDefault(r.person().id(), PersonReviewFacts.none(r.person().id())))
                        .forEach(c -> agencies.add(c.agency()));
                people.add(r.person().id());
            }
        }
        audit.record(exchangeId, "system", "REPLACEMENT_REVIEW_OPENED", "round " + round, people.size()
                + " replacement(s), reviewed by " + (agencies.isEmpty() ? "no agency (none concerned)" : agencies));
        return new ReplacementRound(round, people, agencies);
    }

    private List<ObjectionRepository.Concern> route(UUID exchangeId, Person p, PersonReviewFacts f) {
        List<ObjectionRepository.Concern> concerns = decisions.routing(p, f);
        objections.replaceConcerns(exchangeId, p.id(), concerns);
        return concerns;
    }

    /** One agency's review: objections to named people with a reason, everyone else approved. */
    public String recordReview(UUID exchangeId, int round, int pass, String agency, List<ObjectionInput> objected,
                               String comment, String reviewer) {
        Set<Long> seen = new LinkedHashSet<>();
        for (ObjectionInput o : objected) {
            var row = entries.row(exchangeId, o.personId());
            if (row.isEmpty() || row.get().entry().status() != EntryStatus.PROPOSED) {
                throw Refusal.invalid(ReviewProcess.OBJECTIONS, "person " + o.personId() + " is not on the lists under review");
            }
            if (!seen.add(o.personId())) {
                throw Refusal.invalid(ReviewProcess.OBJECTIONS, "one objection per person: " + o.personId()
                        + " appears twice");
            }
        }
        String decision = objected.isEmpty() ? ReviewProcess.APPROVE : ReviewProcess.OBJECT;
        OffsetDateTime now = OffsetDateTime.now();
        reviews.insert(new ReviewRepository.Review(exchangeId, round, pass, agency, decision, comment, reviewer, now));
        for (ObjectionInput o : objected) {
            objections.insert(new ObjectionRepository.Objection(0, exchangeId, round, pass, agency, o.personId(),
                    o.reasonCode(), o.comment(), reviewer, now));
            audit.record(exchangeId, reviewer, "REVIEW_OBJECTION", "person " + o.personId(),
                    agency + ": " + o.reasonCode() + (o.comment() == null ? "" : " – " + o.comment()));
        }
        audit.record(exchangeId, reviewer, "REVIEW_" + decision, agency,
                "round " + round + " pass " + pass + ", " + objected.size() + " objection(s)"
                        + (comment == null ? "" : " – " + comment));
        return decision;
    }

    public int objectionCount(UUID exchangeId, int round, int pass) {
        return objections.objections(exchangeId, round, pass).size();
    }

    /** Where the review goes after the Staff resolved objections: {@code REDRAFT}, {@code CLEARED} or {@code REREVIEW}. */
    public record ResolutionNext(String next, Set<Long> changedPersons, Set<String> agenciesToReReview) {
    }

    /**
     * The Staff's "Resolve objections" step: sends the lists back to drafting (not possible for replacements
     * during verification), or applies the decisions of the submitted rows and says whether the review is
     * cleared or goes back to the agencies the changes concern. Both are put on the record.
     */
    public ResolutionNext resolveObjections(UUID exchangeId, int round, int pass, boolean replacements, String outcome,
                                            String comment, Object rows, String actor) {
        if (ReviewProcess.REDRAFT.equals(outcome)) {
            if (replacements) {
                throw Refusal.invalid(ReviewProcess.RESOLUTION_OUTCOME, "these are replacements during verification: "
                        + "decide on each person (a removed or deferred replacement is replaced from the reserve and "
                        + "reviewed in turn); the lists cannot go back to drafting now");
            }
            audit.record(exchangeId, actor, "OBJECTIONS_REDRAFT", "round " + round, comment);
            return new ResolutionNext("REDRAFT", Set.of(), Set.of());
        }
        Resolved r = resolve(exchangeId, round, pass, resolutionInputs(exchangeId, round, pass, rows), actor);
        audit.record(exchangeId, actor, "OBJECTIONS_RESOLVED", "round " + round + " pass " + pass,
                r.changedPersons().size() + " change(s); re-review by " + r.agenciesToReReview()
                        + (comment == null ? "" : " – " + comment));
        return new ResolutionNext(r.agenciesToReReview().isEmpty() ? "CLEARED" : "REREVIEW", r.changedPersons(),
                r.agenciesToReReview());
    }

    /** The decisions of the submitted rows, each naming its person. */
    private List<ResolutionInput> resolutionInputs(UUID exchangeId, int round, int pass, Object submitted) {
        List<ResolutionInput> inputs = new ArrayList<>();
        List<Map<String, String>> rows = FormItems.of(submitted, ReviewProcess.RESOLUTIONS, 5000);
        // Tasklist (form-js) submits only the rows' input fields, not the prefilled person id: its rows are
        // the contested people of this pass in the order they were offered (the form cannot add or remove rows)
        List<ReviewOptions.Contested> contested = options.contestedPeople(exchangeId, round, pass);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String person = FormItems.blankToNull(row.get("personId"));
            if (person == null && !row.containsKey("personId") && rows.size() == contested.size()) {
                person = String.valueOf(contested.get(i).person().id());
            }
            if (person == null) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "each decision names a person");
            }
            Long personId = FormRows.id(person);
            if (personId == null) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "'" + person + "' is not a person id");
            }
            String why = FormItems.blankToNull(row.get("comment"));
            if (why != null && why.length() > 2000) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "a comment is at most 2000 characters");
            }
            String phase = FormItems.blankToNull(row.get("deferToPhase"));
            Integer deferToPhase;
            try {
                // a number field arrives as 3 or 3.0
                deferToPhase = phase == null ? null : new java.math.BigDecimal(phase).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "'" + phase + "' is not a phase number");
            }
            inputs.add(new ResolutionInput(personId, FormItems.blankToNull(row.get("decision")),
                    FormItems.blankToNull(row.get("basis")), why, deferToPhase));
        }
        return inputs;
    }

    /**
     * Applies the Staff's decision on every contested person. Removal and deferral free a place that
     * the next in the same side's reserve takes (the seriously wounded and sick are outside parity and
     * need no replacement). Refuses to hold back a seriously wounded or sick person for bargaining.
     */
    public Resolved resolve(UUID exchangeId, int round, int pass, List<ResolutionInput> inputs, String actor) {
        List<ReviewOptions.Contested> contested = options.contestedPeople(exchangeId, round, pass);
        Map<Long, ResolutionInput> byPerson = new HashMap<>();
        for (ResolutionInput in : inputs) {
            if (byPerson.put(in.personId(), in) != null) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "person " + in.personId() + " is decided twice");
            }
        }
        Set<Long> contestedIds = new TreeSet<>();
        contested.forEach(c -> contestedIds.add(c.person().id()));
        for (Long id : byPerson.keySet()) {
            if (!contestedIds.contains(id)) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "person " + id + " is not contested in this review");
            }
        }
        // validate everything before changing anything
        for (ReviewOptions.Contested c : contested) {
            ResolutionInput in = byPerson.get(c.person().id());
            if (in == null) {
                throw Refusal.invalid(ReviewProcess.RESOLUTIONS, "decide on " + c.person().displayName());
            }
            check(exchangeId, c, in, actor);
        }
        Set<Long> changed = new LinkedHashSet<>();
        Set<Long> off = new java.util.HashSet<>(objections.resolvedOff(exchangeId));
        off.addAll(contestedIds);
        OffsetDateTime now = OffsetDateTime.now();
        for (ReviewOptions.Contested c : contested) {
            ResolutionInput in = byPerson.get(c.person().id());
            Person p = c.person();
            ListEntryRepository.Row row = entries.row(exchangeId, p.id()).orElseThrow();
            Long replacement = null;
            boolean deferredOnList = ReviewProcess.DEFER.equals(in.decision()) && in.deferToPhase() != null;
            if (deferredOnList) {
                // stays on the list, reviewed as it is; only the phase changes: the planner reads it
                entries.setDeferredToPhase(row.entry().id(), in.deferToPhase());
                entries.setStatus(row.entry().id(), row.entry().status(), "deferred to phase " + in.deferToPhase()
                        + " in review: " + in.basisCode() + (in.comment() == null ? "" : " – " + in.comment()));
            } else if (!ReviewProcess.KEEP.equals(in.decision())) {
                String why = (ReviewProcess.REMOVE.equals(in.decision()) ? "removed in review: " : "deferred in review: ")
                        + in.basisCode() + (in.comment() == null ? "" : " – " + in.comment());
                // removed: tracked, off the lists; deferred without a phase: back to the reserve, where it is never
                // taken as a replacement unless a later review keeps it
                entries.setStatus(row.entry().id(),
                        ReviewProcess.REMOVE.equals(in.decision()) ? EntryStatus.TRACKED : EntryStatus.RESERVE, why);
                if (ReviewProcess.REMOVE.equals(in.decision())
                        && ReviewProcess.CRIMINAL_PROCEEDINGS.equals(in.basisCode())) {
                    // art. 119: the hold-back notice names this person with the proceedings that justify it
                    CriminalProceedings cp = proceedings.forPerson(exchangeId, p.id()).stream()
                            .reduce((a, b) -> b).orElseThrow();
                    proceedings.markHeldBack(row.entry().id(), cp.id());
                    entries.setStatus(row.entry().id(), EntryStatus.TRACKED, why + " (held back under GC III art. 119: "
                            + "case " + cp.caseReference() + ", " + cp.authority() + ")");
                }
                changed.add(p.id());
                if (Parity.counts(p)) {
                    Optional<ListEntryRepository.Row> next = entries.rows(exchangeId, p.side(), EntryStatus.RESERVE).stream()
                            .filter(r -> !off.contains(r.person().id()) && r.person().id() != p.id())
                            .filter(Parity::counts)
                            .findFirst();
                    if (next.isPresent()) {
                        Person rep = next.get().person();
                        entries.setStatus(next.get().entry().id(), EntryStatus.PROPOSED,
                                "replaces person " + p.id() + " (review round " + round + ")");
                        off.add(rep.id());
                        replacement = rep.id();
                        changed.add(rep.id());
                        route(exchangeId, rep, facts.find(rep.id()));
                    } else {
                        audit.record(exchangeId, actor, "REVIEW_NO_RESERVE", "person " + p.id(),
                                "no reserve left on " + p.side() + "; the list is one short");
                    }
                }
            }
            objections.insert(new ObjectionRepository.Resolution(0, exchangeId, round, pass, p.id(), in.decision(),
                    in.basisCode(), c.recommendation().decision(), c.recommendation().rationale(), replacement,
                    in.comment(), actor, now, deferredOnList ? in.deferToPhase() : null));
            audit.record(exchangeId, actor, "OBJECTION_" + in.decision(), "person " + p.id(),
                    (in.basisCode() == null ? "" : in.basisCode() + "; ")
                            + "policy recommended " + c.recommendation().decision()
                            + (replacement == null ? "" : "; replaced by person " + replacement)
                            + (deferredOnList ? "; to phase " + in.deferToPhase() : "")
                            + (in.comment() == null ? "" : " – " + in.comment()));
        }
        // the agencies concerned by a changed person (the removed, the deferred, their replacements), and only they
        Set<String> agencies = new TreeSet<>();
        objections.concerns(exchangeId).stream().filter(c -> changed.contains(c.personId()))
                .forEach(c -> agencies.add(c.agency()));
        return new Resolved(changed, agencies);
    }

    private void check(UUID exchangeId, ReviewOptions.Contested c, ResolutionInput in, String actor) {
        String field = ReviewProcess.RESOLUTIONS;
        Person p = c.person();
        String who = p.displayName();
        if (!Set.of(ReviewProcess.KEEP, ReviewProcess.REMOVE, ReviewProcess.DEFER).contains(in.decision())) {
            throw Refusal.invalid(field, "decision for " + who + " must be KEEP, REMOVE or DEFER");
        }
        if (in.deferToPhase() != null && !ReviewProcess.DEFER.equals(in.decision())) {
            throw Refusal.invalid(field, "a phase is named only with DEFER (" + who + ")");
        }
        if (ReviewProcess.KEEP.equals(in.decision())) {
            return;
        }
        if (in.basisCode() == null) {
            throw Refusal.invalid(field, "give the ground for the " + in.decision().toLowerCase() + " of " + who);
        }
        if (!c.reasonCodes().contains(in.basisCode())) {
            throw Refusal.invalid(field, "the ground for " + who + " must be one of the reasons raised: "
                    + c.reasonCodes());
        }
        if (p.seriouslyWoundedSick() && p.side() == Side.RELEASE) {
            throw Refusal.invalid(field, who + " is seriously wounded or sick and held by us: "
                    + "Geneva Convention III art. 109-110 requires repatriation regardless of number or rank, so "
                    + "this person can never be removed, deferred or held back (" + in.decision().toLowerCase()
                    + " for " + in.basisCode() + " refused). Keep this person on the list.");
        }
        if (p.seriouslyWoundedSick()
                && (ReviewProcess.BARGAINING_REASONS.contains(in.basisCode())
                || "HUMANITARIAN_PRIORITY".equals(in.basisCode()))) {
            throw Refusal.invalid(field, who + " is seriously wounded or sick: Geneva Convention III "
                    + "art. 109-110 requires repatriation regardless of number or rank, so " + in.decision().toLowerCase()
                    + " for " + in.basisCode() + " (bargaining) is refused. Keep this person on the list.");
        }
        if (ReviewProcess.CRIMINAL_PROCEEDINGS.equals(in.basisCode())) {
            if (p.side() != Side.RELEASE) {
                throw Refusal.invalid(field, who + " is one of ours to bring home: GC III art. 119 "
                        + "(pending criminal proceedings) lets a party hold back only a prisoner it holds");
            }
            if (proceedings.forPerson(exchangeId, p.id()).isEmpty()) {
                throw Refusal.invalid(field, "no criminal proceedings are recorded against " + who
                        + ": GC III art. 119 applies only to recorded proceedings (case reference and authority, "
                        + "POST /api/exchanges/{id}/people/" + p.id() + "/proceedings)");
            }
        }
        if (ReviewProcess.IDENTITY_DOUBT.equals(in.basisCode()) && p.seriouslyWoundedSick()
                && !identityDoubts.neutralPartyFoundMismatch(exchangeId, p.id())
                && !identityDoubts.confirmedByAnotherOfficial(exchangeId, p.id(), actor)) {
            throw Refusal.invalid(field, who + " is seriously wounded or sick (art. 109): taking this "
                    + "person off the list for doubt about identity needs the neutral party's IDENTITY_MISMATCH or a "
                    + "second Staff official's confirmation (POST /api/exchanges/{id}/people/" + p.id()
                    + "/identity-doubt-confirmations)");
        }
        if (in.deferToPhase() != null) {
            int phases = exchanges.find(exchangeId).orElseThrow().phaseSizes().size();
            if (in.deferToPhase() < 2 || in.deferToPhase() > phases) {
                throw Refusal.invalid(field, "the phase to defer " + who + " to must be a later phase: 2 to "
                        + phases + (phases < 2 ? " (this exchange has one phase: defer without a phase)" : ""));
            }
        }
    }

    /** Reminds the agencies whose review of this pass is still open; returns them. */
    public List<String> remind(UUID exchangeId, List<String> openAgencies) {
        if (!openAgencies.isEmpty()) {
            audit.record(exchangeId, "system", "REVIEW_REMINDER", String.join(", ", openAgencies), "review due soon");
        }
        return openAgencies;
    }

    public List<String> escalate(UUID exchangeId, List<String> openAgencies) {
        if (!openAgencies.isEmpty()) {
            audit.record(exchangeId, "system", "REVIEW_OVERDUE_ESCALATED", String.join(", ", openAgencies),
                    "escalated to the " + Groups.displayName(Groups.COORDINATION_STAFF));
        }
        return new ArrayList<>(openAgencies);
    }
}
