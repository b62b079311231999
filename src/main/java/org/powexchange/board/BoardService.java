package org.powexchange.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.powexchange.people.matching.NameNormalizer;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.exchange.Phase;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.security.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the Coordination Staff's board shows: every running exchange with its stage, per phase the counted
 * parity (art. 109 apart) and the clock, people by status per side, open tasks per agency, incidents; and
 * the person search across exchanges by name in any script.
 */
@Service
public class BoardService {

    /** The board lists this many running exchanges at most (the newest last). */
    static final int MAX_EXCHANGES = 200;
    static final int MAX_HITS = 50;

    private final ExchangeService exchanges;
    private final PhaseRepository phases;
    private final BoardRepository board;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Duration warningLead;
    // the drafting normaliser: one skeleton of a name in any script (engineer 12 may move it to people.matching)
    private final NameNormalizer names = new NameNormalizer();

    public BoardService(ExchangeService exchanges, PhaseRepository phases, BoardRepository board, TaskService tasks,
                        RuntimeService runtime,
                        @Value("${powexchange.first-phase-due:PT48H}") Duration firstPhaseDue,
                        @Value("${powexchange.deadline-warning:PT36H}") Duration deadlineWarning) {
        this.exchanges = exchanges;
        this.phases = phases;
        this.board = board;
        this.tasks = tasks;
        this.runtime = runtime;
        // the same rule as the handover's clock: the warning fires this long before a phase is due
        this.warningLead = firstPhaseDue.minus(deadlineWarning);
    }

    public BoardSnapshot snapshot() {
        List<BoardSnapshot.ExchangeRow> list = new ArrayList<>();
        for (Exchange e : exchanges.list(MAX_EXCHANGES, 0)) {
            if (e.completedAt() == null && !Exchange.COMPLETED.equals(e.status())) {
                list.add(exchange(e));
            }
        }
        return new BoardSnapshot(OffsetDateTime.now(ZoneOffset.UTC), list);
    }

    private BoardSnapshot.ExchangeRow exchange(Exchange e) {
        List<BoardRepository.Count> counts = board.counts(e.id());
        List<BoardSnapshot.PhaseRow> ph = new ArrayList<>();
        for (Phase p : phases.list(e.id())) {
            ph.add(phase(p, counts));
        }
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(e.id().toString())
                .list().stream().map(ProcessInstance::getId).toArray(String[]::new);
        return new BoardSnapshot.ExchangeRow(e.id(), e.agreementRef(), e.title(), exchanges.stage(e), e.formulaSize(),
                e.processInstanceId(), e.ratifiedAt(), bySideAndStatus(counts, null, true), ph, openTasks(e.id()),
                incidents(instances));
    }

    private BoardSnapshot.PhaseRow phase(Phase p, List<BoardRepository.Count> counts) {
        // the counted parity: who crossed, art. 109 people apart (they never count against the formula)
        int ours = 0;
        int theirs = 0;
        int ours109 = 0;
        int theirs109 = 0;
        int scheduledOurs = 0;
        int scheduledTheirs = 0;
        int scheduledOurs109 = 0;
        int scheduledTheirs109 = 0;
        for (BoardRepository.Count c : counts) {
            if (c.phaseNo() == null || c.phaseNo() != p.phaseNo()) {
                continue;
            }
            boolean home = "BRING_HOME".equals(c.side());
            boolean crossed = "HANDED_OVER".equals(c.status()) || "REPATRIATED".equals(c.status());
            if (crossed && c.art109()) {
                if (home) {
                    ours109 += c.count();
                } else {
                    theirs109 += c.count();
                }
            } else if (crossed) {
                if (home) {
                    ours += c.count();
                } else {
                    theirs += c.count();
                }
            }
            if (!c.art109()) {
                if (home) {
                    scheduledOurs += c.count();
                } else {
                    scheduledTheirs += c.count();
                }
            } else if (home) {
                scheduledOurs109 += c.count();
            } else {
                scheduledTheirs109 += c.count();
            }
        }
        BoardSnapshot.Parity parity = new BoardSnapshot.Parity(scheduledOurs, scheduledTheirs, scheduledOurs109,
                scheduledTheirs109, p.receivedCount() != null ? p.receivedCount() : ours,
                p.handedOverCount() != null ? p.handedOverCount() : theirs, ours109, theirs109,
                p.parityHolds() != null ? p.parityHolds() : scheduledOurs == scheduledTheirs, p.parityHolds() != null);
        return new BoardSnapshot.PhaseRow(p.phaseNo(), p.plannedSize(), p.status(), p.dueAt(),
                p.dueAt().minus(warningLead), parity, bySideAndStatus(counts, p.phaseNo(), false));
    }

    /** Side → status → count; {@code phaseNo} null with {@code all} counts every phase and none. */
    private static Map<String, Map<String, Integer>> bySideAndStatus(List<BoardRepository.Count> counts, Integer phaseNo,
                                                                    boolean all) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (BoardRepository.Count c : counts) {
            if (!all && (c.phaseNo() == null || !c.phaseNo().equals(phaseNo))) {
                continue;
            }
            out.computeIfAbsent(c.side(), s -> new TreeMap<>()).merge(c.status(), c.count(), Integer::sum);
        }
        return out;
    }

    /** Open tasks grouped by the agency (candidate group) that must act, with the overdue ones marked. */
    private List<BoardSnapshot.AgencyTasks> openTasks(UUID exchangeId) {
        Date now = new Date();
        Map<String, List<BoardSnapshot.OpenTask>> byAgency = new LinkedHashMap<>();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(exchangeId.toString())
                .orderByTaskCreateTime().asc().list()) {
            List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            String agency = groups.isEmpty() ? (t.getAssignee() == null ? "unassigned" : t.getAssignee())
                    : groups.get(groups.size() - 1);
            boolean overdue = t.getDueDate() != null && t.getDueDate().before(now);
            byAgency.computeIfAbsent(agency, g -> new ArrayList<>()).add(new BoardSnapshot.OpenTask(t.getId(),
                    t.getName(), t.getAssignee(), t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), overdue));
        }
        List<BoardSnapshot.AgencyTasks> out = new ArrayList<>();
        byAgency.forEach((agency, open) -> out.add(new BoardSnapshot.AgencyTasks(agency, Groups.displayName(agency),
                open.size(), (int) open.stream().filter(BoardSnapshot.OpenTask::overdue).count(), open)));
        return out;
    }

    private List<BoardSnapshot.IncidentRow> incidents(String[] instanceIds) {
        List<BoardSnapshot.IncidentRow> out = new ArrayList<>();
        for (String id : instanceIds) {
            for (Incident i : runtime.createIncidentQuery().processInstanceId(id).list()) {
                out.add(new BoardSnapshot.IncidentRow(i.getId(), i.getIncidentType(), i.getActivityId(),
                        i.getProcessInstanceId(), i.getIncidentMessage(), i.getIncidentTimestamp().toInstant()));
            }
        }
        return out;
    }

    /**
     * People on the running exchanges whose name matches every word of the query, in any script:
     * each word is brought to the normaliser's Latin skeleton and must begin the skeleton of the family
     * or a given name (so "Тестенко" finds "Testenko" and "testenk" does too).
     */
    public List<BoardRepository.PersonHit> findPeople(String query) {
        List<String> words = Arrays.stream(query.trim().split("[\\s,]+")).map(names::skeleton)
                .filter(s -> !s.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<BoardRepository.PersonHit> hits = new ArrayList<>();
        for (BoardRepository.PersonHit p : board.peopleOfRunningExchanges()) {
            List<String> parts = new ArrayList<>();
            for (String part : (p.familyName() + " " + p.givenName()).split("[\\s-]+")) {
                parts.add(names.skeleton(part));
            }
            if (words.stream().allMatch(w -> parts.stream().anyMatch(x -> x.startsWith(w)))) {
                hits.add(p);
                if (hits.size() >= MAX_HITS) {
                    break;
                }
            }
        }
        return hits;
    }
}
