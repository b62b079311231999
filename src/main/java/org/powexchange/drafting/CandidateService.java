package org.powexchange.drafting;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.powexchange.audit.AuditLog;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.exchange.Stage;
import org.powexchange.people.Category;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.PersonRepository;
import org.powexchange.people.PersonReviewFacts;
import org.powexchange.people.PersonReviewFactsRepository;
import org.powexchange.people.Side;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes candidate records into an exchange (idempotent per external reference) and wakes drafting. */
@Service
public class CandidateService {

    public record Result(int created, int updated, int unchanged, boolean draftingResumed) {
    }

    private final ExchangeRepository exchanges;
    private final ExchangeService exchangeService;
    private final PersonRepository persons;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final PersonReviewFactsRepository reviewFacts;
    private final SourceRecordRepository records;
    private final ListEntryRepository entries;

    public CandidateService(ExchangeRepository exchanges, ExchangeService exchangeService, PersonRepository persons,
                            RuntimeService runtime, AuditLog audit, PersonReviewFactsRepository reviewFacts,
                            SourceRecordRepository records, ListEntryRepository entries) {
        this.entries = entries;
        this.reviewFacts = reviewFacts;
        this.records = records;
        this.exchanges = exchanges;
        this.exchangeService = exchangeService;
        this.persons = persons;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** All or nothing: one bad record refuses the whole submission (validated before this point). */
    @Transactional
    public Result submit(UUID exchangeId, List<CandidateController.CandidateRecord> records, boolean complete,
                         String actor) {
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
        String stage = exchangeService.stage(e);
        if (!Stage.DRAFTING.equals(stage)) {
            throw Refusal.conflict(null, "candidate records are accepted while drafting; the exchange is in stage "
                    + stage);
        }
        // one person once per submission: two records with the same reference would leave it unclear which holds
        java.util.Map<String, Integer> firstAt = new java.util.HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            CandidateController.CandidateRecord r = records.get(i);
            Integer earlier = firstAt.putIfAbsent(r.side() + "/" + r.externalRef(), i);
            if (earlier != null) {
                throw Refusal.invalid("records[" + i + "].externalRef", "'" + r.externalRef() + "' on side "
                        + r.side() + " is already records[" + earlier + "] of this submission");
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // what is known already, read once: a submission may carry thousands of records
        java.util.Map<String, Person> known = new java.util.HashMap<>();
        persons.findByExchange(exchangeId).forEach(p -> known.put(p.side() + "/" + p.externalRef(), p));
        java.util.Map<String, String> fingerprints = this.records.fingerprints(exchangeId, SourceKind.CANDIDATES,
                records.stream().map(r -> sourceRef(Side.valueOf(r.side()), r.externalRef())).toList());
        // written in JDBC batches after the loop: new people on their list as candidates at once (the lists
        // are compiled afterwards, as a job), and each record kept as a source record of its person
        List<ListEntryRepository.NewEntry> newEntries = new java.util.ArrayList<>();
        List<SourceRecord> newRecords = new java.util.ArrayList<>();
        for (CandidateController.CandidateRecord r : records) {
            Person incoming = toPerson(exchangeId, r);
            var existing = java.util.Optional.ofNullable(known.get(incoming.side() + "/" + incoming.externalRef()));
            long personId;
            if (existing.isEmpty()) {
                personId = persons.insert(incoming);
                newEntries.add(new ListEntryRepository.NewEntry(personId, incoming.side(), EntryStatus.CANDIDATE));
                created++;
            } else if (sameContent(existing.get(), incoming)) {
                personId = existing.get().id();
                unchanged++;
            } else {
                personId = existing.get().id();
                persons.update(withId(incoming, personId));
                updated++;
            }
            if (r.hasReviewFacts()) {
                reviewFacts.save(new PersonReviewFacts(personId,
                        r.strategicFlag() == null || r.strategicFlag().isBlank() ? null : r.strategicFlag().strip(),
                        Boolean.TRUE.equals(r.pendingCriminalProceedings()), Boolean.TRUE.equals(r.officer()),
                        r.militaryRank() == null || r.militaryRank().isBlank() ? null : r.militaryRank().strip()));
            }
            known.put(incoming.side() + "/" + incoming.externalRef(), withId(incoming, personId));
            keepSourceRecord(exchangeId, r, incoming, personId, fingerprints, newRecords);
        }
        entries.insertAll(exchangeId, newEntries);
        this.records.insertAll(newRecords, null);
        persons.patronymicsFromRecords(exchangeId);
        audit.record(exchangeId, actor, "CANDIDATES_SUBMITTED", records.size() + " records",
                "created " + created + ", updated " + updated + ", unchanged " + unchanged);
        boolean resumed = complete && !runtime.createMessageCorrelation(ExchangeProcess.MSG_CANDIDATES_SUBMITTED)
                .processInstanceBusinessKey(exchangeId.toString())
                .correlateAllWithResult().isEmpty();
        return new Result(created, updated, unchanged, resumed);
    }

    /** The candidate record is kept as a source record of its person, so every person can be traced to sources. */
    private void keepSourceRecord(UUID exchangeId, CandidateController.CandidateRecord r, Person p, long personId,
                                  java.util.Map<String, String> fingerprints, List<SourceRecord> newRecords) {
        String ref = sourceRef(p.side(), p.externalRef());
        SourceRecord rec = new SourceRecord(0, exchangeId, SourceKind.CANDIDATES, ref, p.side(), p.familyName(),
                p.givenName(), p.patronymic(), PartialDate.of(p.birthDate()), p.serviceNumber(), p.category().name(), null,
                null, p.capturedOn(), null, null, null, null, null, p.seriouslyWoundedSick(), r.lifeStatus(), null, null,
                null, personId, 1.0, null);
        var known = java.util.Optional.ofNullable(fingerprints.get(ref));
        if (known.isEmpty()) {
            newRecords.add(rec);
        } else if (!known.get().equals(rec.fingerprint())) {
            records.updateContent(rec, null);
        }
        fingerprints.put(ref, rec.fingerprint());
    }

    /** A candidate's reference as a source record of the candidates source: its side's letter and its own reference. */
    private static String sourceRef(Side side, String externalRef) {
        return (side == Side.BRING_HOME ? "H/" : "R/") + externalRef;
    }

    private static Person toPerson(UUID exchangeId, CandidateController.CandidateRecord r) {
        Side side = Side.valueOf(r.side());
        LifeStatus life = r.lifeStatus() != null ? LifeStatus.valueOf(r.lifeStatus())
                // the people we hold are alive and known to us
                : side == Side.RELEASE ? LifeStatus.CONFIRMED_ALIVE : LifeStatus.UNCONFIRMED;
        String patronymic = r.patronymic() == null || r.patronymic().isBlank() ? null : r.patronymic().strip();
        return new Person(0, exchangeId, side, r.externalRef(), r.familyName().strip(), r.givenName().strip(), patronymic,
                r.birthDate(), r.serviceNumber(), Category.valueOf(r.category()),
                Boolean.TRUE.equals(r.seriouslyWoundedSick()), life, r.capturedOn(), null);
    }

    private static boolean sameContent(Person a, Person b) {
        return a.familyName().equals(b.familyName()) && a.givenName().equals(b.givenName())
                && Objects.equals(a.birthDate(), b.birthDate())
                && Objects.equals(a.serviceNumber(), b.serviceNumber())
                && a.category() == b.category() && a.seriouslyWoundedSick() == b.seriouslyWoundedSick()
                && a.lifeStatus() == b.lifeStatus() && Objects.equals(a.capturedOn(), b.capturedOn());
    }

    private static Person withId(Person p, long id) {
        return new Person(id, p.exchangeId(), p.side(), p.externalRef(), p.familyName(), p.givenName(), p.patronymic(),
                p.birthDate(),
                p.serviceNumber(), p.category(), p.seriouslyWoundedSick(), p.lifeStatus(), p.capturedOn(), p.priority());
    }
}
