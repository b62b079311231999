package org.powexchange.verification;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.powexchange.people.ListEntryRepository;
import org.powexchange.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the neutral party's results, idempotently, whether they come in bulk through /api or with
 * the completion of the external task; through /api, the process is woken when none is outstanding.
 */
@Service
public class VerificationService {

    public record Incoming(long personId, VerificationOutcome outcome, VerificationOutcome.Medical medical,
                           String evidence) {
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
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> ApiException.notFound("exchange " + exchangeId));
        String stage = exchangeService.stage(e);
        if (!Stage.VERIFICATION.equals(stage)) {
            throw ApiException.conflict(null, "verification results are accepted during verification; the exchange is in "
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
                throw ApiException.badRequest(field + ".personId", "person " + in.personId() + " appears twice in the batch");
            }
            if (in.outcome() == VerificationOutcome.UNFIT_TO_TRAVEL && in.medical() == null) {
                throw ApiException.badRequest(field + ".medical",
                        "an unfit-to-travel result needs 'medical': ESCORT (travels with a medical escort) or HOLD");
            }
            var existing = results.find(exchangeId, in.personId());
            if (existing.isPresent()) {
                if (existing.get().outcome() != in.outcome() || !Objects.equals(existing.get().medical(), in.medical())) {
                    throw ApiException.conflict(field + ".outcome", "person " + in.personId() + " already has the result "
                            + existing.get().outcome() + "; a different result cannot replace it");
                }
                unchanged++;
                continue;
            }
            var row = entries.row(exchangeId, in.personId());
            if (row.isEmpty() || row.get().entry().status() != EntryStatus.AWAITING_VERIFICATION) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field + ".personId",
                        "person " + in.personId() + " is not on this exchange's lists awaiting verification");
            }
            results.insert(new VerificationRepository.Result(exchangeId, in.personId(), in.outcome(), in.medical(),
                    in.evidence(), round, actor, OffsetDateTime.now()));
            recorded++;
        }
        int outstanding = results.outstanding(exchangeId);
        if (recorded > 0) {
            audit.record(exchangeId, actor, "VERIFICATION_RESULTS", recorded + " results",
                    "unchanged " + unchanged + ", outstanding " + outstanding);
        }
        return new Recorded(recorded, unchanged, outstanding, outstanding == 0);
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

    public List<Map<String, Object>> awaiting(UUID exchangeId) {
        exchangeService.get(exchangeId);
        return entries.rows(exchangeId).stream()
                .filter(r -> r.entry().status() == EntryStatus.AWAITING_VERIFICATION)
                .map(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("personId", r.person().id());
                    m.put("side", r.person().side());
                    m.put("familyName", r.person().familyName());
                    m.put("givenName", r.person().givenName());
                    m.put("birthDate", r.person().birthDate());
                    m.put("seriouslyWoundedSick", r.person().seriouslyWoundedSick());
                    m.put("hasResult", results.find(exchangeId, r.person().id()).isPresent());
                    return m;
                }).toList();
    }

    public List<VerificationRepository.Result> list(UUID exchangeId) {
        exchangeService.get(exchangeId);
        return results.list(exchangeId);
    }
}
