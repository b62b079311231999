package org.powexchange.handover;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Phase;
import org.powexchange.exchange.PhaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clock of a phase: its warning and breach, and what the Staff's decision on a breach does.
 * CONTINUE lets the handover run on past the deadline (phase marked overdue, no further alerts);
 * RENEGOTIATE moves this phase to the new agreed time and every later phase by the same delay, and
 * re-arms the warning and the breach; SUSPEND stops the handover until the Staff resumes it with a new time.
 */
@Service
public class PhaseClockService {

    public static final String CONTINUE = "CONTINUE";
    public static final String RENEGOTIATE = "RENEGOTIATE";
    public static final String SUSPEND = "SUSPEND";

    private final PhaseRepository phases;
    private final HandoverRepository records;
    private final HandoverProperties props;
    private final AuditLog audit;

    public PhaseClockService(PhaseRepository phases, HandoverRepository records, HandoverProperties props, AuditLog audit) {
        this.phases = phases;
        this.records = records;
        this.props = props;
        this.audit = audit;
    }

    public Phase phase(UUID exchangeId, int phaseNo) {
        return phases.find(exchangeId, phaseNo).orElseThrow(() -> new IllegalStateException(
                "phase " + phaseNo + " of exchange " + exchangeId + " was not planned"));
    }

    /** When the warning for a phase due at {@code dueAt} fires. */
    public OffsetDateTime warnAt(OffsetDateTime dueAt) {
        return dueAt.minus(props.warningLead());
    }

    @Transactional
    public void warn(UUID exchangeId, int phaseNo) {
        Phase p = phase(exchangeId, phaseNo);
        records.alert(exchangeId, phaseNo, "WARNING", p.dueAt(), "phase " + phaseNo + " is due at " + p.dueAt()
                + " and not yet handed over", "system");
        audit.record(exchangeId, "system", "DEADLINE_WARNING", "phase " + phaseNo, "due at " + p.dueAt());
    }

    @Transactional
    public void breach(UUID exchangeId, int phaseNo) {
        Phase p = phase(exchangeId, phaseNo);
        records.alert(exchangeId, phaseNo, "BREACH", p.dueAt(), "phase " + phaseNo + " was due at " + p.dueAt(), "system");
        phases.setStatus(exchangeId, phaseNo, Phase.OVERDUE);
        audit.record(exchangeId, "system", "DEADLINE_BREACHED", "phase " + phaseNo, "was due at " + p.dueAt());
    }

    /** Carries out the Staff's decision; returns the phase's due time afterwards. */
    @Transactional
    public OffsetDateTime decide(UUID exchangeId, int phaseNo, String decision, String comment, OffsetDateTime newDueAt,
                                 String actor) {
        Phase p = phase(exchangeId, phaseNo);
        OffsetDateTime due = p.dueAt();
        switch (decision) {
            case CONTINUE -> phases.setStatus(exchangeId, phaseNo, Phase.OVERDUE);
            case RENEGOTIATE -> {
                due = shift(exchangeId, phaseNo, newDueAt);
                phases.setStatus(exchangeId, phaseNo, Phase.IN_PROGRESS);
            }
            case SUSPEND -> phases.setStatus(exchangeId, phaseNo, Phase.SUSPENDED);
            default -> throw new IllegalArgumentException(decision);
        }
        records.alert(exchangeId, phaseNo, "DECISION_" + decision, due, comment, actor);
        audit.record(exchangeId, actor, "DEADLINE_BREACH_" + decision, "phase " + phaseNo,
                comment + (RENEGOTIATE.equals(decision) ? "; now due " + due : ""));
        return due;
    }

    /** The Staff resumes a suspended phase at a new agreed time. */
    @Transactional
    public OffsetDateTime resume(UUID exchangeId, int phaseNo, OffsetDateTime resumeAt, String comment, String actor) {
        OffsetDateTime due = shift(exchangeId, phaseNo, resumeAt);
        phases.setStatus(exchangeId, phaseNo, Phase.IN_PROGRESS);
        records.alert(exchangeId, phaseNo, "RESUMED", due, comment, actor);
        audit.record(exchangeId, actor, "PHASE_RESUMED", "phase " + phaseNo, "due " + due + (comment == null ? "" : "; " + comment));
        return due;
    }

    /** Moves the phase to {@code newDue} and every later phase by the same delay. */
    private OffsetDateTime shift(UUID exchangeId, int phaseNo, OffsetDateTime newDue) {
        Phase p = phase(exchangeId, phaseNo);
        Duration delay = Duration.between(p.dueAt(), newDue);
        phases.reschedule(exchangeId, phaseNo, newDue);
        for (Phase later : phases.list(exchangeId)) {
            if (later.phaseNo() > phaseNo && !delay.isNegative()) {
                phases.reschedule(exchangeId, later.phaseNo(), later.dueAt().plus(delay));
            }
        }
        return newDue;
    }
}
