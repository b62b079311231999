package org.powexchange.verification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

/** Records the neutral party's results, idempotently, and wakes the process when none is outstanding. */
@Service
public class VerificationService {

    public record Incoming(long personId, VerificationOutcome outcome, String evidence) {
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

    /** All or nothing: a result for a person not awaiting verification refuses the whole batch. */
    @Transactional
    public Recorded record(UUID exchangeId, List<Incoming> batch, String actor) {
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> ApiException.notFound("exchange " + exchangeId));
        String stage = exchangeService.stage(e);
        if (!Stage.VERIFICATION.equals(stage)) {
            throw ApiException.conflict(null, "verification results are accepted during verification; the exchange is in "
                    + "stage " + stage);
        }
        int recorded = 0;
        int unchanged = 0;
        Map<Long, EntryStatus> seen = new java.util.HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Incoming in = batch.get(i);
            String field = "results[" + i + "]";
            var row = entries.row(exchangeId, in.personId());
            var existing = results.find(exchangeId, in.personId());
            if (existing.isPresent()) {
                if (existing.get().outcome() != in.outcome()) {
                    throw ApiException.conflict(field + ".outcome", "person " + in.personId() + " already has the result "
                            + existing.get().outcome() + "; a different result cannot replace it");
                }
                unchanged++;
                continue;
            }
            if (row.isEmpty() || row.get().entry().status() != EntryStatus.AWAITING_VERIFICATION) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field + ".personId",
                        "person " + in.personId() + " is not on this exchange's lists awaiting verification");
            }
            if (seen.put(in.personId(), EntryStatus.AWAITING_VERIFICATION) != null) {
                throw ApiException.badRequest(field + ".personId", "person " + in.personId() + " appears twice in the batch");
            }
            results.insert(new VerificationRepository.Result(exchangeId, in.personId(), in.outcome(), in.evidence(),
                    actor, OffsetDateTime.now()));
            recorded++;
        }
        int outstanding = results.outstanding(exchangeId);
        if (recorded > 0) {
            audit.record(exchangeId, actor, "VERIFICATION_RESULTS", recorded + " results",
                    "unchanged " + unchanged + ", outstanding " + outstanding);
        }
        boolean complete = false;
        if (outstanding == 0 && recorded > 0) {
            complete = !runtime.createMessageCorrelation(ExchangeProcess.MSG_VERIFICATION_COMPLETED)
                    .processInstanceBusinessKey(exchangeId.toString())
                    .correlateAllWithResult().isEmpty();
        }
        return new Recorded(recorded, unchanged, outstanding, complete);
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
