package org.powexchange.handover;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;
import org.powexchange.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Ombudsman tells the families. When a phase closes, a notice is opened for every family who must hear
 * something: the returned, and also those held back (parity or art. 119), refused at the crossing or not
 * exchanged in the phase; with the first phase, the families of our people who died or failed verification
 * before the handover. The Ombudsman answers per family (reached, not reached, no contact); families not
 * reached come back after {@link FamilyProperties#retryAfter()}.
 */
@Service
public class FamilyNotificationService {

    /** Why a family is told. */
    public enum Reason {
        RETURNED("Returned home"),
        DIED("Died"),
        FAILED_VERIFICATION("Failed verification"),
        HELD_BACK_PARITY("Held back for parity"),
        HELD_BACK_ART119("Held back for criminal proceedings (art. 119)"),
        REFUSED_AT_CROSSING("Refused at the crossing (art. 109(3))"),
        NOT_EXCHANGED("Not exchanged");

        final String label;

        Reason(String label) {
            this.label = label;
        }
    }

    /** The Ombudsman's outcome for one family. */
    public enum Outcome { REACHED, UNREACHED, NO_CONTACT }

    /** One family's answer as submitted. */
    public record Answer(long personId, Outcome outcome, String note) {
    }

    /** What one round of notifying gave. */
    public record Result(int reached, int unreached, int noContact) {
    }

    /** One row of the "Notify the families" form: only what notifying needs. */
    public record FamilyRow(long personId, String person, String side, String reason, String relative, String contact,
                            String earlier) {
    }

    static final int NOTE_MAX = 500;

    private final FamilyNotificationRepository notices;
    private final ListEntryRepository entries;
    private final HandoverRepository records;
    private final FamilyProperties props;
    private final AuditLog audit;

    public FamilyNotificationService(FamilyNotificationRepository notices, ListEntryRepository entries,
                                     HandoverRepository records, FamilyProperties props, AuditLog audit) {
        this.notices = notices;
        this.entries = entries;
        this.records = records;
        this.props = props;
        this.audit = audit;
    }

    /**
     * Opens the notices of a closed phase (idempotent) and returns how many families of the phase are to be told.
     * Runs after the returned are marked repatriated.
     */
    @Transactional
    public int open(UUID exchangeId, int phaseNo) {
        Map<Long, HandoverRepository.Discrepancy> byPerson = new HashMap<>();
        for (HandoverRepository.Discrepancy d : records.discrepancies(exchangeId, phaseNo)) {
            if (d.personId() != null) {
                byPerson.put(d.personId(), d);
            }
        }
        for (ListEntryRepository.Row r : entries.phaseRows(exchangeId, phaseNo)) {
            long id = r.person().id();
            EntryStatus s = r.entry().status();
            HandoverRepository.Discrepancy d = byPerson.get(id);
            String kind = d == null ? null : d.kind();
            if (r.entry().list() == Side.BRING_HOME && s == EntryStatus.REPATRIATED) {
                notices.open(exchangeId, id, phaseNo, Reason.RETURNED.name(), "returned home in phase " + phaseNo);
            } else if (HandoverService.HELD_BACK.equals(kind)) { // after the last phase: held back and not exchanged
                notices.open(exchangeId, id, phaseNo, Reason.HELD_BACK_PARITY.name(), r.entry().statusReason());
            } else if (HandoverService.REFUSED_AT_CROSSING.equals(kind)) {
                notices.open(exchangeId, id, phaseNo, Reason.REFUSED_AT_CROSSING.name(), d.detail());
            } else if (HandoverService.HELD_BACK_ART119.equals(kind)) {
                notices.open(exchangeId, id, phaseNo, Reason.HELD_BACK_ART119.name(), d.detail());
            } else if (s == EntryStatus.NOT_EXCHANGED) {
                notices.open(exchangeId, id, phaseNo, Reason.NOT_EXCHANGED.name(), r.entry().statusReason());
            }
        }
        // held back for parity on the manifest: they moved on to the next phase, the family hears why
        for (HandoverRepository.Discrepancy d : byPerson.values()) {
            if (HandoverService.HELD_BACK.equals(d.kind())) {
                notices.open(exchangeId, d.personId(), phaseNo, Reason.HELD_BACK_PARITY.name(), d.detail());
            }
        }
        if (phaseNo == 1) {
            openBeforeHandover(exchangeId);
        }
        return notices.outstanding(exchangeId, phaseNo).size();
    }

    /**
     * Our people who left the exchange before any phase (died, failed the neutral party's checks, not agreed
     * with the other side): their families are told with the first phase. The other side's people are told
     * by their own side (through the ICRC's Central Tracing Agency, art. 123).
     */
    private void openBeforeHandover(UUID exchangeId) {
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            if (r.entry().list() != Side.BRING_HOME || r.entry().phaseNo() != null) {
                continue;
            }
            long id = r.person().id();
            EntryStatus s = r.entry().status();
            if (r.person().lifeStatus() == LifeStatus.DECEASED) {
                notices.open(exchangeId, id, 1, Reason.DIED.name(), r.entry().statusReason() == null
                        ? "reported deceased" : r.entry().statusReason());
            } else if (s == EntryStatus.FAILED_VERIFICATION) {
                notices.open(exchangeId, id, 1, Reason.FAILED_VERIFICATION.name(), r.entry().statusReason());
            } else if (s == EntryStatus.NOT_EXCHANGED) {
                notices.open(exchangeId, id, 1, Reason.NOT_EXCHANGED.name(), r.entry().statusReason());
            }
        }
    }

    /** The families still to be told in a phase, one row each, with the relatives' contacts from the appeals. */
    public List<FamilyRow> outstanding(UUID exchangeId, int phaseNo) {
        List<FamilyNotificationRepository.Notice> open = notices.outstanding(exchangeId, phaseNo);
        List<Long> ids = open.stream().map(FamilyNotificationRepository.Notice::personId).toList();
        Map<Long, List<FamilyNotificationRepository.Contact>> contacts = notices.contacts(exchangeId, ids);
        Map<Long, ListEntryRepository.Row> people = new HashMap<>();
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            people.put(r.person().id(), r);
        }
        List<FamilyRow> rows = new ArrayList<>();
        for (FamilyNotificationRepository.Notice n : open) {
            ListEntryRepository.Row r = people.get(n.personId());
            Person p = r == null ? null : r.person();
            List<FamilyNotificationRepository.Contact> cs = contacts.getOrDefault(n.personId(), List.of());
            Reason reason = Reason.valueOf(n.reason());
            rows.add(new FamilyRow(n.personId(), p == null ? "person " + n.personId() : p.displayName(),
                    p == null ? "" : p.side() == Side.BRING_HOME ? "ours" : "theirs",
                    reason == Reason.RETURNED ? "Returned home in phase " + n.phaseNo()
                            : reason.label + (n.reasonText() == null ? "" : " – " + n.reasonText()),
                    relative(cs), contact(cs, p),
                    n.attempts() == 0 ? "" : "not reached " + n.attempts() + "×" + (n.comment() == null ? ""
                            : ": " + n.comment())));
        }
        return rows;
    }

    private static String relative(List<FamilyNotificationRepository.Contact> cs) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (FamilyNotificationRepository.Contact c : cs) {
            if (c.relativeName() != null || c.relation() != null) {
                out.add((c.relativeName() == null ? "" : c.relativeName())
                        + (c.relation() == null ? "" : (c.relativeName() == null ? "" : ", ") + c.relation()));
            }
        }
        return out.isEmpty() ? (cs.isEmpty() ? "" : "not named in the appeal") : String.join("; ", out);
    }

    private static String contact(List<FamilyNotificationRepository.Contact> cs, Person p) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (FamilyNotificationRepository.Contact c : cs) {
            if (c.contact() != null) {
                out.add(c.contact() + " (appeal " + c.appealRef() + ")");
            }
        }
        if (!out.isEmpty()) {
            return String.join("; ", out);
        }
        return p != null && p.side() == Side.RELEASE ? "no appeal on record: through the ICRC Central Tracing Agency (art. 123)"
                : "no contact on record";
    }

    /**
     * Records the Ombudsman's outcome per family: every family of the task exactly once, the outcome from the
     * set, a note (required unless reached) of at most {@value #NOTE_MAX} characters. Nothing is written
     * unless everything is valid.
     */
    @Transactional
    public Result record(UUID exchangeId, int phaseNo, List<Answer> answers, String field, String actor) {
        Map<Long, FamilyNotificationRepository.Notice> open = new LinkedHashMap<>();
        notices.outstanding(exchangeId, phaseNo).forEach(n -> open.put(n.personId(), n));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String row = field + "[" + (i + 1) + "]";
            if (!open.containsKey(a.personId())) {
                throw ApiException.badRequest(field, row + ": person " + a.personId()
                        + " is not among the families to notify in phase " + phaseNo);
            }
            if (!seen.add(a.personId())) {
                throw ApiException.badRequest(field, row + ": person " + a.personId() + " is answered twice");
            }
            if (a.outcome() == null) {
                throw ApiException.badRequest(field, row + ".outcome is required: one of " + EnumSet.allOf(Outcome.class));
            }
            if (a.note() != null && a.note().length() > NOTE_MAX) {
                throw ApiException.badRequest(field, row + ".note is longer than " + NOTE_MAX + " characters");
            }
            if (a.outcome() != Outcome.REACHED && (a.note() == null || a.note().isBlank())) {
                throw ApiException.badRequest(field, row + ".note is required when the family was not reached: "
                        + "say what was tried");
            }
        }
        Set<Long> missing = new TreeSet<>(open.keySet());
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(field, "no outcome for the families of " + missing.size() + " "
                    + (missing.size() == 1 ? "person" : "people") + " " + missing + ": every family gets one");
        }
        OffsetDateTime now = OffsetDateTime.now();
        int reached = 0;
        int unreached = 0;
        int noContact = 0;
        for (Answer a : answers) {
            notices.attempt(open.get(a.personId()), a.outcome().name(),
                    a.note() == null || a.note().isBlank() ? null : a.note().strip(), actor, now);
            switch (a.outcome()) {
                case REACHED -> reached++;
                case UNREACHED -> unreached++;
                case NO_CONTACT -> noContact++;
            }
        }
        audit.record(exchangeId, actor, "FAMILIES_NOTIFIED", "phase " + phaseNo, reached + " families reached, "
                + unreached + " not reached" + (unreached > 0 ? " (tried again after " + props.retryAfter() + ")" : "")
                + ", " + noContact + " without a contact");
        return new Result(reached, unreached, noContact);
    }

    /** The timer of the retry, as an ISO 8601 duration. */
    public String retryAfter() {
        return props.retryAfter().toString();
    }
}
