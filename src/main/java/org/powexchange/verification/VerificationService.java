package org.powexchange.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.exchange.Stage;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.Side;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the neutral party's results, idempotently, whether they come in bulk through /api or with
 * the completion of the external task; through /api, the process is woken when none is outstanding.
 */
@Service
public class VerificationService {

    public record Incoming(long personId, VerificationOutcome outcome, VerificationOutcome.Medical medical,
                           String evidence, Consent consent) {
        public Incoming {
            medical = outcome == VerificationOutcome.UNFIT_TO_TRAVEL ? medical : null;
        }
    }

    public record Recorded(int recorded, int unchanged, int outstanding, boolean verificationComplete) {
    }

    private final ExchangeRepository exchanges;
    private final ExchangeService exchangeService;
    private final ListEntryRepository entries;
    private final VerificationRepository results;
    private final RuntimeService runtime;
    private final AuditLog audit;

    public VerificationService(ExchangeRepository exchanges, ExchangeService exchangeService,
                               ListEntryRepository entries, VerificationRepository results, RuntimeService runtime,
                               AuditLog audit) {
        this.exchanges = exchanges;
        this.exchangeService = exchangeService;
        this.entries = entries;
        this.results = results;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** Through /api. All or nothing: one refused result refuses the whole batch. */
    @Transactional
    public Recorded record(UUID exchangeId, List<Incoming> batch, String actor) {
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
        String stage = exchangeService.stage(e);
        if (!Stage.VERIFICATION.equals(stage)) {
            throw Refusal.conflict(null, "verification results are accepted during verification; the exchange is in "
                    + "stage " + stage);
        }
        Recorded r = store(exchangeId, batch, actor, currentRound(exchangeId));
        boolean complete = false;
        if (r.outstanding() == 0 && r.recorded() > 0) {
            complete = !runtime.createMessageCorrelation(ExchangeProcess.MSG_VERIFICATION_COMPLETED)
                    .processInstanceBusinessKey(exchangeId.toString())
                    .correlateAllWithResult().isEmpty();
        }
        return new Recorded(r.recorded(), r.unchanged(), r.outstanding(), complete);
    }

    /**
     * Stores a batch: the same result twice changes nothing, a different one for the same person is a
     * conflict, a person not awaiting verification on this exchange's lists is refused.
     */
    @Transactional
    public Recorded store(UUID exchangeId, List<Incoming> batch, String actor, Integer round) {
        int recorded = 0;
        int unchanged = 0;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Incoming in = batch.get(i);
            String field = "results[" + i + "]";
            if (!seen.add(in.personId())) {
                throw Refusal.invalid(field + ".personId", "person " + in.personId() + " appears twice in the batch");
            }
            if (in.outcome() == VerificationOutcome.UNFIT_TO_TRAVEL && in.medical() == null) {
                throw Refusal.invalid(field + ".medical",
                        "an unfit-to-travel result needs 'medical': ESCORT (travels with a medical escort) or HOLD");
            }
            checkConsent(field + ".consent", in);
            var existing = results.find(exchangeId, in.personId());
            boolean newInterview = existing.isPresent()
                    && existing.get().outcome() == VerificationOutcome.CONSENT_UNDECIDED;
            if (existing.isPresent() && !(newInterview && !sameAs(existing.get(), in))) {
                if (!sameAs(existing.get(), in)) {
                    throw Refusal.conflict(field + ".outcome", "person " + in.personId() + " already has the result "
                            + existing.get().outcome() + "; a different result cannot replace it");
                }
                unchanged++;
                continue;
            }
            var row = entries.row(exchangeId, in.personId());
            if (row.isEmpty() || row.get().entry().status() != EntryStatus.AWAITING_VERIFICATION) {
                throw Refusal.unprocessable(field + ".personId",
                        "person " + in.personId() + " is not on this exchange's lists awaiting verification");
            }
            var result = new VerificationRepository.Result(exchangeId, in.personId(), in.outcome(), in.medical(),
                    in.evidence(), round, actor, OffsetDateTime.now(), in.consent());
            if (newInterview) {
                results.replaceUndecided(result);
            } else {
                results.insert(result);
            }
            recorded++;
        }
        int outstanding = results.outstanding(exchangeId);
        if (recorded > 0) {
            audit.record(exchangeId, actor, "VERIFICATION_RESULTS", recorded + " results",
                    "unchanged " + unchanged + ", outstanding " + outstanding);
        }
        return new Recorded(recorded, unchanged, outstanding, outstanding == 0);
    }

    private static boolean sameAs(VerificationRepository.Result r, Incoming in) {
        return r.outcome() == in.outcome() && Objects.equals(r.medical(), in.medical())
                && Objects.equals(r.consent(), in.consent());
    }

    /**
     * Art. 109(3): nobody goes forward without having said, in a private interview with the neutral party,
     * that they want to go home. A result that lets a person cross carries WANTS_REPATRIATION; a refusal
     * and an undecided person carry the interview that found it. Only the date, the finding and a
     * pseudonymous delegate reference are accepted: there is no field for what was said.
     */
    static void checkConsent(String field, Incoming in) {
        Consent c = in.consent();
        VerificationOutcome o = in.outcome();
        boolean interviewed = o == VerificationOutcome.VERIFIED || o == VerificationOutcome.UNFIT_TO_TRAVEL
                || o == VerificationOutcome.CONSENT_REFUSED || o == VerificationOutcome.CONSENT_UNDECIDED;
        if (c == null) {
            if (interviewed) {
                throw Refusal.invalid(field, "a " + o + " result needs the consent finding of the private "
                        + "interview (GC III art. 109(3)): {interviewedOn, outcome, delegateRef}");
            }
            return;
        }
        if (c.interviewedOn() == null || c.outcome() == null || c.delegateRef() == null) {
            throw Refusal.invalid(field, "consent needs interviewedOn, outcome and delegateRef");
        }
        if (c.interviewedOn().isAfter(java.time.LocalDate.now().plusDays(1))) {
            throw Refusal.invalid(field + ".interviewedOn", "the interview cannot be in the future");
        }
        if (!c.delegateRef().matches(Consent.DELEGATE_REF)) {
            throw Refusal.invalid(field + ".delegateRef", "a pseudonymous reference: letters, digits and . _ - "
                    + "only, at most 64");
        }
        Consent.Outcome needed = switch (o) {
            case VERIFIED, UNFIT_TO_TRAVEL -> Consent.Outcome.WANTS_REPATRIATION;
            case CONSENT_REFUSED -> Consent.Outcome.REFUSES;
            case CONSENT_UNDECIDED -> Consent.Outcome.UNDECIDED;
            default -> null;
        };
        if (needed != null && c.outcome() != needed) {
            throw Refusal.invalid(field, "a " + o + " result needs consent.outcome = " + needed
                    + " (GC III art. 109(3): nobody is repatriated against their will); it was " + c.outcome());
        }
        if (needed == null && c.outcome() != Consent.Outcome.WANTS_REPATRIATION) {
            throw Refusal.invalid(field, "a person who " + (c.outcome() == Consent.Outcome.REFUSES
                    ? "refuses is recorded as CONSENT_REFUSED" : "is undecided is recorded as CONSENT_UNDECIDED"));
        }
    }

    private Integer currentRound(UUID exchangeId) {
        var execution = runtime.createProcessInstanceQuery().processInstanceBusinessKey(exchangeId.toString())
                .processDefinitionKey(VerificationProcess.PROCESS_KEY).active().list();
        if (execution.size() != 1) {
            return null;
        }
        Object round = runtime.getVariable(execution.get(0).getId(), VerificationProcess.VAR_ROUND);
        return round instanceof Number n ? n.intValue() : null;
    }

    public int outstanding(UUID exchangeId) {
        return results.outstanding(exchangeId);
    }

    /** A person the neutral party is to verify: identity data only, and where the verification stands. */
    public record VerificationRequest(long personId, Side side, String familyName, String givenName, LocalDate birthDate,
                          boolean seriouslyWoundedSick, boolean hasResult, boolean newInterviewNeeded) {
    }

    public List<VerificationRequest> awaiting(UUID exchangeId) {
        exchangeService.get(exchangeId);
        return entries.rows(exchangeId).stream()
                .filter(r -> r.entry().status() == EntryStatus.AWAITING_VERIFICATION)
                .map(r -> {
                    var result = results.find(exchangeId, r.person().id());
                    return new VerificationRequest(r.person().id(), r.person().side(), r.person().familyName(),
                            r.person().givenName(), r.person().birthDate(), r.person().seriouslyWoundedSick(),
                            result.isPresent() && result.get().outcome() != VerificationOutcome.CONSENT_UNDECIDED,
                            // undecided at the last interview: the neutral party interviews again
                            result.isPresent() && result.get().outcome() == VerificationOutcome.CONSENT_UNDECIDED);
                }).toList();
    }

    public List<VerificationRepository.Result> list(UUID exchangeId) {
        exchangeService.get(exchangeId);
        return results.list(exchangeId);
    }
}
