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

    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", OffsetDateTime.now(ZoneOffset.UTC));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Exchange e : exchanges.list(MAX_EXCHANGES, 0)) {
            if (e.completedAt() == null && !Exchange.COMPLETED.equals(e.status())) {
                list.add(exchange(e));
            }
        }
        out.put("exchanges", list);
        return out;
    }

    Map<String, Object> exchange(Exchange e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("agreementRef", e.agreementRef());
        m.put("title", e.title());
        m.put("stage", exchanges.stage(e));
        m.put("formulaSize", e.formulaSize());
        m.put("processInstanceId", e.processInstanceId());
        m.put("ratifiedAt", e.ratifiedAt());
        List<BoardRepository.Count> counts = board.counts(e.id());
        m.put("people", bySideAndStatus(counts, null, true));
        List<Map<String, Object>> ph = new ArrayList<>();
        for (Phase p : phases.list(e.id())) {
            ph.add(phase(p, counts));
        }
        m.put("phases", ph);
        String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(e.id().toString())
                .list().stream().map(ProcessInstance::getId).toArray(String[]::new);
        m.put("tasks", openTasks(e.id()));
        m.put("incidents", incidents(instances));
        return m;
    }

    private Map<String, Object> phase(Phase p, List<BoardRepository.Count> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phaseNo", p.phaseNo());
        m.put("plannedSize", p.plannedSize());
        m.put("status", p.status());
        m.put("dueAt", p.dueAt());
        m.put("warnAt", p.dueAt().minus(warningLead));
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
        Map<String, Object> parity = new LinkedHashMap<>();
        parity.put("scheduledBringHome", scheduledOurs);
        parity.put("scheduledRelease", scheduledTheirs);
        parity.put("scheduledArt109BringHome", scheduledOurs109);
        parity.put("scheduledArt109Release", scheduledTheirs109);
        parity.put("received", p.receivedCount() != null ? p.receivedCount() : ours);
        parity.put("handedOver", p.handedOverCount() != null ? p.handedOverCount() : theirs);
        parity.put("art109Received", ours109);
        parity.put("art109HandedOver", theirs109);
        parity.put("holds", p.parityHolds() != null ? p.parityHolds() : scheduledOurs == scheduledTheirs);
        parity.put("final", p.parityHolds() != null);
        m.put("parity", parity);
        m.put("people", bySideAndStatus(counts, p.phaseNo(), false));
        return m;
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
    private List<Map<String, Object>> openTasks(UUID exchangeId) {
        Date now = new Date();
        Map<String, Map<String, Object>> byAgency = new LinkedHashMap<>();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(exchangeId.toString())
                .orderByTaskCreateTime().asc().list()) {
            List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            String agency = groups.isEmpty() ? (t.getAssignee() == null ? "unassigned" : t.getAssignee())
                    : groups.get(groups.size() - 1);
            Map<String, Object> a = byAgency.computeIfAbsent(agency, g -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("agency", g);
                x.put("agencyName", Groups.displayName(g));
                x.put("open", 0);
                x.put("overdue", 0);
                x.put("tasks", new ArrayList<Map<String, Object>>());
                return x;
            });
            boolean overdue = t.getDueDate() != null && t.getDueDate().before(now);
            a.put("open", (Integer) a.get("open") + 1);
            if (overdue) {
                a.put("overdue", (Integer) a.get("overdue") + 1);
            }
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.getId());
            tm.put("name", t.getName());
            tm.put("assignee", t.getAssignee());
            tm.put("created", t.getCreateTime().toInstant());
            tm.put("due", t.getDueDate() == null ? null : t.getDueDate().toInstant());
            tm.put("overdue", overdue);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) a.get("tasks");
            list.add(tm);
        }
        return new ArrayList<>(byAgency.values());
    }

    private List<Map<String, Object>> incidents(String[] instanceIds) {
        if (instanceIds.length == 0) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<Incident> found = new ArrayList<>();
        for (String id : instanceIds) {
            found.addAll(runtime.createIncidentQuery().processInstanceId(id).list());
        }
        for (Incident i : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.getId());
            m.put("type", i.getIncidentType());
            m.put("activityId", i.getActivityId());
            m.put("processInstanceId", i.getProcessInstanceId());
            m.put("message", i.getIncidentMessage());
            m.put("time", i.getIncidentTimestamp().toInstant());
            out.add(m);
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
