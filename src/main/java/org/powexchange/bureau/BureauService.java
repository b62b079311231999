package org.powexchange.bureau;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the information bureau's record of an exchange from what the stages recorded. */
@Service
public class BureauService {

    static final String LISTED = "LISTED";
    static final String VERIFIED = "VERIFIED";
    static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";
    static final String CROSSED = "CROSSED";
    static final String DID_NOT_CROSS = "DID_NOT_CROSS";
    static final String DIED = "DIED";
    static final String HELD_BACK = "HELD_BACK";
    static final String HOSPITAL_ADMISSION = "HOSPITAL_ADMISSION";
    static final String NOT_EXCHANGED = "NOT_EXCHANGED";

    private final ExchangeService exchanges;
    private final BureauRepository repository;

    public BureauService(ExchangeService exchanges, BureauRepository repository) {
        this.exchanges = exchanges;
        this.repository = repository;
    }

    /** One consistent reading of the exchange (read-only transaction). */
    @Transactional(readOnly = true)
    public BureauReport report(UUID exchangeId) {
        Exchange e = exchanges.get(exchangeId);
        Map<Long, BureauRepository.SourceFacts> facts = newestFacts(repository.sourceFacts(exchangeId));
        Map<Long, List<BureauRepository.Crossing>> crossings = new HashMap<>();
        repository.crossings(exchangeId).forEach(c -> crossings.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c));
        Map<Long, BureauRepository.Intake> intakes = new HashMap<>();
        repository.intakes(exchangeId).forEach(i -> intakes.put(i.personId(), i));
        Map<Long, List<BureauRepository.Discrepancy>> discrepancies = new HashMap<>();
        repository.personDiscrepancies(exchangeId)
                .forEach(d -> discrepancies.computeIfAbsent(d.personId(), k -> new ArrayList<>()).add(d));

        List<BureauReport.Row> rows = new ArrayList<>();
        for (BureauRepository.PersonRow p : repository.people(exchangeId)) {
            BureauRepository.SourceFacts f = facts.get(p.personId());
            List<BureauRepository.Crossing> cs = crossings.getOrDefault(p.personId(), List.of());
            OffsetDateTime crossedAt = cs.stream().filter(BureauRepository.Crossing::crossed)
                    .map(BureauRepository.Crossing::at).max(Comparator.naturalOrder()).orElse(null);
            BureauRepository.Intake intake = intakes.get(p.personId());
            List<BureauRepository.Discrepancy> ds = discrepancies.getOrDefault(p.personId(), List.of());
            boolean heldBack = p.heldBackCase() != null || ds.stream().anyMatch(d -> HELD_BACK.equals(d.kind()));
            rows.add(new BureauReport.Row(p.personId(), p.familyName(), p.givenName(), p.patronymic(), p.birthDate(),
                    null, // place of birth: not recorded by any source yet
                    p.militaryRank() != null ? p.militaryRank() : f == null ? null : f.rankTitle(),
                    p.serviceNumber(), p.side(), "BRING_HOME".equals(p.side()) ? "our side (held by the other party)"
                            : "the other party (held by us)",
                    p.category() + (p.art109() ? ", seriously wounded or sick (art. 109)" : ""),
                    p.capturedOn(), f == null ? null : f.capturedPlace(), f == null ? null : f.locationHeld(),
                    p.verificationOutcome() == null ? null : p.verificationOutcome()
                            + (p.verificationMedical() == null ? "" : " (" + p.verificationMedical() + ")"),
                    p.consentInterviewedOn(), p.phaseNo(), crossedAt,
                    intake == null ? null : intake.facility() + (intake.comment() == null ? "" : ": " + intake.comment()),
                    p.status(), heldBack, p.heldBackCase(),
                    "NOT_EXCHANGED".equals(p.status()) ? p.statusReason() : null,
                    events(p, cs, intake, ds)));
        }
        return new BureauReport(e.id().toString(), e.agreementRef(), OffsetDateTime.now(), rows);
    }

    static List<BureauReport.Event> events(BureauRepository.PersonRow p, List<BureauRepository.Crossing> crossings,
                                           BureauRepository.Intake intake, List<BureauRepository.Discrepancy> ds) {
        List<BureauReport.Event> out = new ArrayList<>();
        out.add(new BureauReport.Event(p.listedAt(), LISTED, "BRING_HOME".equals(p.side()) ? "to bring home" : "to release"));
        if (p.verificationOutcome() != null) {
            boolean ok = "VERIFIED".equals(p.verificationOutcome())
                    || ("UNFIT_TO_TRAVEL".equals(p.verificationOutcome()) && "ESCORT".equals(p.verificationMedical()));
            out.add(new BureauReport.Event(p.verifiedAt(), ok ? VERIFIED : VERIFICATION_FAILED, p.verificationOutcome()
                    + (p.consentInterviewedOn() == null ? "" : ", consent interview " + p.consentInterviewedOn())));
            if ("DECEASED".equals(p.verificationOutcome())) {
                out.add(new BureauReport.Event(p.verifiedAt(), DIED, "reported by the neutral intermediary"));
            }
        } else if ("DECEASED".equals(p.lifeStatus())) {
            out.add(new BureauReport.Event(null, DIED, "according to the sources"));
        }
        for (BureauRepository.Crossing c : crossings) {
            out.add(new BureauReport.Event(c.at(), c.crossed() ? CROSSED : DID_NOT_CROSS, "phase " + c.phaseNo()));
        }
        for (BureauRepository.Discrepancy d : ds) {
            if (HELD_BACK.equals(d.kind())) {
                out.add(new BureauReport.Event(d.at(), HELD_BACK, "phase " + d.phaseNo() + ": " + d.detail()));
            }
        }
        if (p.heldBackCase() != null) {
            out.add(new BureauReport.Event(null, HELD_BACK, "art. 119: criminal proceedings " + p.heldBackCase()
                    + (p.heldBackAuthority() == null ? "" : " (" + p.heldBackAuthority() + ")")));
        }
        if (intake != null) {
            out.add(new BureauReport.Event(intake.at(), HOSPITAL_ADMISSION, intake.facility()));
        }
        if ("NOT_EXCHANGED".equals(p.status())) {
            out.add(new BureauReport.Event(null, NOT_EXCHANGED, p.statusReason()));
        }
        // dated events in time order, undated ones (facts without a recorded time) last
        out.sort(Comparator.comparing(BureauReport.Event::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** The newest source record that names a rank, a capture place or a place of detention, per person and fact. */
    static Map<Long, BureauRepository.SourceFacts> newestFacts(List<BureauRepository.SourceFacts> records) {
        Map<Long, BureauRepository.SourceFacts> out = new HashMap<>();
        for (BureauRepository.SourceFacts r : records) { // oldest first: later records overwrite
            BureauRepository.SourceFacts was = out.get(r.personId());
            out.put(r.personId(), new BureauRepository.SourceFacts(r.personId(),
                    r.rankTitle() != null ? r.rankTitle() : was == null ? null : was.rankTitle(),
                    r.capturedPlace() != null ? r.capturedPlace() : was == null ? null : was.capturedPlace(),
                    r.locationHeld() != null ? r.locationHeld() : was == null ? null : was.locationHeld(),
                    r.importedAt()));
        }
        return out;
    }
}
