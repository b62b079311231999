package org.powexchange.exchange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.powexchange.audit.AuditLog;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.powexchange.refusal.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates exchanges, starts their process, records ratification and reports where they stand. */
@Service
public class ExchangeService {

    private final ExchangeRepository exchanges;
    private final PhaseRepository phases;
    private final ListEntryRepository entries;
    private final RuntimeService runtime;
    private final AuditLog audit;

    public ExchangeService(ExchangeRepository exchanges, PhaseRepository phases, ListEntryRepository entries,
                           RuntimeService runtime, AuditLog audit) {
        this.exchanges = exchanges;
        this.phases = phases;
        this.entries = entries;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    public Exchange create(String agreementRef, String title, int formulaSize, List<Integer> phaseSizes, String actor) {
        // summed in long: int phase sizes near Integer.MAX_VALUE would wrap around to a matching total
        if (phaseSizes.stream().mapToLong(Integer::longValue).sum() != formulaSize) {
            throw Refusal.invalid("phaseSizes", "the phase sizes must add up to the formula size " + formulaSize);
        }
        if (exchanges.findByAgreementRef(agreementRef).isPresent()) {
            throw Refusal.conflict("agreementRef", "an exchange with agreement reference '" + agreementRef
                    + "' already exists");
        }
        Exchange e = new Exchange(UUID.randomUUID(), agreementRef, title, formulaSize, List.copyOf(phaseSizes),
                Exchange.ACTIVE, null, null, null, OffsetDateTime.now(), actor, null);
        try {
            exchanges.insert(e);
        } catch (DuplicateKeyException race) {
            throw Refusal.conflict("agreementRef", "an exchange with agreement reference '" + agreementRef
                    + "' already exists");
        }
        audit.record(e.id(), actor, "EXCHANGE_CREATED", agreementRef,
                "formula " + formulaSize + " for " + formulaSize + ", phases " + phaseSizes);
        ProcessInstance pi = runtime.startProcessInstanceByKey(ExchangeProcess.PROCESS_KEY, e.id().toString(),
                Variables.createVariables().putValue(ExchangeProcess.VAR_EXCHANGE_ID, e.id().toString()));
        exchanges.setProcessInstance(e.id(), pi.getId());
        return exchanges.find(e.id()).orElseThrow();
    }

    public Exchange get(UUID id) {
        return exchanges.find(id).orElseThrow(() -> Refusal.notFound("exchange " + id));
    }

    public List<Exchange> list(int limit, int offset) {
        return exchanges.list(limit, offset);
    }

    /** The formal ratification starts the clock: phase 1 is due a configured time after the signature. */
    @Transactional
    public Exchange ratify(UUID id, String documentRef, OffsetDateTime signedAt, List<OffsetDateTime> phaseDueAt,
                           String actor) {
        recordRatification(id, documentRef, signedAt, phaseDueAt, actor);
        runtime.createMessageCorrelation(ExchangeProcess.MSG_RATIFIED)
                .processInstanceBusinessKey(id.toString())
                .correlateWithResult();
        return exchanges.find(id).orElseThrow();
    }

    /**
     * Records the ratification (document and time of signature) without moving the process: the
     * Coordination Staff's task "Record the ratification" completes itself; the API correlates a message.
     */
    @Transactional
    public void recordRatification(UUID id, String documentRef, OffsetDateTime signedAt, List<OffsetDateTime> phaseDueAt,
                                   String actor) {
        Exchange e = exchanges.lock(id).orElseThrow(() -> Refusal.notFound("exchange " + id));
        if (e.ratifiedAt() != null) {
            throw Refusal.conflict("documentRef", "the exchange was already ratified by " + e.ratificationDoc());
        }
        if (!Stage.AWAITING_RATIFICATION.equals(stage(e))) {
            throw Refusal.conflict(null, "the exchange is in stage " + stage(e)
                    + "; ratification is recorded only after neutral verification");
        }
        if (signedAt.isAfter(OffsetDateTime.now().plusMinutes(5))) {
            throw Refusal.invalid("signedAt", "the time of signature cannot lie in the future");
        }
        List<OffsetDateTime> dates = phaseDueAt == null ? List.of() : phaseDueAt;
        checkPhaseDates(e, signedAt, dates);
        exchanges.setRatified(id, signedAt, documentRef);
        exchanges.setAgreedPhaseDates(id, dates);
        audit.record(id, actor, "EXCHANGE_RATIFIED", documentRef, "signed at " + signedAt
                + (dates.isEmpty() ? "" : "; phases due " + dates));
    }

    /** Agreed per-phase dates: one per phase, each later than the signature and than the phase before. */
    static void checkPhaseDates(Exchange e, OffsetDateTime signedAt, List<OffsetDateTime> dates) {
        if (dates.isEmpty()) {
            return;
        }
        if (dates.size() != e.phaseSizes().size()) {
            throw Refusal.invalid("phaseDueAt", "the agreement has " + e.phaseSizes().size()
                    + " phases: give one due time per phase (" + dates.size() + " given), or none");
        }
        OffsetDateTime before = signedAt;
        for (int k = 0; k < dates.size(); k++) {
            if (dates.get(k) == null || !dates.get(k).isAfter(before)) {
                throw Refusal.invalid("phaseDueAt", "phase " + (k + 1) + " must be due after "
                        + (k == 0 ? "the signature" : "phase " + k) + " (" + before + ")");
            }
            before = dates.get(k);
        }
    }

    /** The stage an exchange is in, read from its running process rather than stored twice. */
    public String stage(Exchange e) {
        if (Exchange.COMPLETED.equals(e.status())) {
            return Stage.COMPLETED;
        }
        if (e.processInstanceId() == null) {
            return Stage.CREATED;
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(e.processInstanceId()).count() == 0) {
            return Stage.ENDED;
        }
        List<String> active = runtime.getActiveActivityIds(e.processInstanceId());
        for (String a : active) {
            String s = Stage.ofActivity(a);
            if (s != null) {
                return s;
            }
        }
        return Stage.IN_PROGRESS;
    }

    public ExchangeStatus status(UUID id) {
        Exchange e = get(id);
        Map<Side, Map<EntryStatus, Integer>> counts = entries.counts(id);
        Map<String, Map<String, Integer>> sides = new LinkedHashMap<>();
        counts.forEach((side, byStatus) -> {
            Map<String, Integer> c = new LinkedHashMap<>();
            c.put("total", byStatus.values().stream().mapToInt(Integer::intValue).sum());
            byStatus.forEach((s, n) -> c.put(s.name(), n));
            sides.put(side.name(), c);
        });
        List<ExchangeStatus.PhaseStatus> ph = new ArrayList<>();
        for (Phase p : phases.list(id)) {
            boolean counted = p.receivedCount() != null;
            ph.add(new ExchangeStatus.PhaseStatus(p.phaseNo(), p.plannedSize(), p.dueAt(), p.status(),
                    p.receivedCount(), counted ? p.handedOverCount() : null, counted ? p.art109Count() : null,
                    counted ? p.parityHolds() : null));
        }
        boolean ratified = e.ratifiedAt() != null;
        return new ExchangeStatus(e.id(), e.agreementRef(), e.title(), stage(e), e.formulaSize(), e.phaseSizes(),
                e.ratifiedAt(), ratified ? e.ratificationDoc() : null, sides, ph,
                ph.stream().allMatch(m -> !Boolean.FALSE.equals(m.parityHolds())),
                e.completedAt());
    }

    @Transactional
    public void complete(UUID id, String actor) {
        exchanges.setCompleted(id, OffsetDateTime.now());
        audit.record(id, actor, "EXCHANGE_COMPLETED", null, null);
    }
}
