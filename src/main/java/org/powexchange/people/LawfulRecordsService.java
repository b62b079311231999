package org.powexchange.people;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records the lawful rules rest on, kept per person: criminal proceedings against a person we hold
 * (art. 119), a second official's confirmation of an identity doubt, and the hold-back notice that names
 * to the other side everyone held back for criminal proceedings (art. 119, last paragraph).
 */
@Service
public class LawfulRecordsService {

    private final ExchangeService exchanges;
    private final ListEntryRepository entries;
    private final CriminalProceedingsRepository proceedings;
    private final IdentityDoubtRepository identityDoubts;
    private final AuditLog audit;

    public LawfulRecordsService(ExchangeService exchanges, ListEntryRepository entries,
                                CriminalProceedingsRepository proceedings, IdentityDoubtRepository identityDoubts,
                                AuditLog audit) {
        this.exchanges = exchanges;
        this.entries = entries;
        this.proceedings = proceedings;
        this.identityDoubts = identityDoubts;
        this.audit = audit;
    }

    /** Art. 119 applies to a prisoner we hold: proceedings are recorded only for people on the release side. */
    @Transactional
    public CriminalProceedings recordProceedings(UUID exchangeId, long personId, String caseReference,
                                                 String authority, String actor) {
        ListEntryRepository.Row row = onExchange(exchangeId, personId);
        if (row.person().side() != Side.RELEASE) {
            throw Refusal.invalid("personId", row.person().displayName() + " is one of ours to bring home: "
                    + "GC III art. 119 proceedings can be recorded only against a prisoner we hold");
        }
        CriminalProceedings p = proceedings.record(exchangeId, personId, caseReference, authority, actor);
        audit.record(exchangeId, actor, "CRIMINAL_PROCEEDINGS_RECORDED", "person " + personId,
                "case " + caseReference + ", " + authority);
        return p;
    }

    public List<CriminalProceedings> proceedings(UUID exchangeId, long personId) {
        onExchange(exchangeId, personId);
        return proceedings.forPerson(exchangeId, personId);
    }

    /** A second Staff official confirms a doubt about a seriously wounded or sick person's identity. */
    @Transactional
    public void confirmIdentityDoubt(UUID exchangeId, long personId, String comment, String actor) {
        ListEntryRepository.Row row = onExchange(exchangeId, personId);
        identityDoubts.confirm(exchangeId, personId, comment, actor);
        audit.record(exchangeId, actor, "IDENTITY_DOUBT_CONFIRMED", "person " + personId,
                row.person().displayName() + ": " + comment);
    }

    /** One line of the hold-back notice. */
    public record HeldBack(long personId, String externalRef, String familyName, String givenName,
                           java.time.LocalDate birthDate, String caseReference, String authority) {
    }

    /** Everyone held back for criminal proceedings in the exchange, with case reference and authority. */
    public List<HeldBack> heldBack(UUID exchangeId) {
        Map<Long, Person> people = new LinkedHashMap<>();
        entries.rows(exchangeId).forEach(r -> people.put(r.person().id(), r.person()));
        return proceedings.heldBack(exchangeId).stream().map(c -> {
            Person p = people.get(c.personId());
            return new HeldBack(p.id(), p.externalRef(), p.familyName(), p.givenName(), p.birthDate(),
                    c.caseReference(), c.authority());
        }).toList();
    }

    /** Ours the other side refused to release although seriously wounded or sick: still claimed. */
    public List<StillClaimed> stillClaimed(UUID exchangeId) {
        return entries.rows(exchangeId).stream().filter(r -> r.entry().status() == EntryStatus.DEMANDED)
                .map(r -> new StillClaimed(r.person().id(), r.person().familyName(), r.person().givenName(),
                        r.person().birthDate(), r.entry().statusReason()))
                .toList();
    }

    /** One of ours, seriously wounded or sick, whom the other side refused to release (art. 109). */
    public record StillClaimed(long personId, String familyName, String givenName, java.time.LocalDate birthDate,
                               String reason) {
    }

    /** The hold-back notice (art. 119) as issued to the other side. */
    public record HoldbackNotice(UUID exchangeId, String agreementRef, String legalBasis, OffsetDateTime issuedAt,
                                 String issuedBy, List<HeldBack> heldBack) {
    }

    /** The notice as issued to the other side (JSON); each issue is audited. */
    @Transactional
    public HoldbackNotice issueNotice(UUID exchangeId, String actor) {
        Exchange e = exchanges.get(exchangeId);
        List<HeldBack> held = heldBack(exchangeId);
        audit.record(exchangeId, actor, "HOLDBACK_NOTICE_ISSUED", held.size() + " person(s)", "as JSON");
        return new HoldbackNotice(exchangeId, e.agreementRef(),
                "Geneva Convention III art. 119: held back until the end of criminal proceedings",
                OffsetDateTime.now(), actor, held);
    }

    static final List<String> CSV_COLUMNS = List.of("personId", "externalRef", "familyName", "givenName", "birthDate",
            "caseReference", "authority");

    /** The same notice as CSV, safe to open in a spreadsheet; each issue is audited. */
    @Transactional
    public String issueNoticeCsv(UUID exchangeId, String actor) {
        exchanges.get(exchangeId);
        List<HeldBack> held = heldBack(exchangeId);
        audit.record(exchangeId, actor, "HOLDBACK_NOTICE_ISSUED", held.size() + " person(s)", "as CSV");
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (HeldBack h : held) {
            sb.append(List.<Object>of(h.personId(), h.externalRef(), h.familyName(), h.givenName(),
                            h.birthDate() == null ? "" : h.birthDate(), h.caseReference(), h.authority()).stream()
                    .map(LawfulRecordsService::csvCell).collect(Collectors.joining(","))).append("\r\n");
        }
        return sb.toString();
    }

    /** A cell a spreadsheet shows as text: formulas neutralised, separators and quotes quoted. */
    static String csvCell(Object v) {
        String s = String.valueOf(v);
        if (!s.isEmpty() && !(v instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains(";")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private ListEntryRepository.Row onExchange(UUID exchangeId, long personId) {
        exchanges.get(exchangeId);
        return entries.row(exchangeId, personId).orElseThrow(() -> Refusal.notFound("person " + personId
                + " of exchange " + exchangeId));
    }
}
