package org.powexchange.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.Parity;
import org.powexchange.exchange.Phase;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LawfulRecordsService;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Side;
import org.powexchange.web.ApiException;
import org.springframework.stereotype.Service;

/** The report of a phase (who crossed, when, discrepancies, deadline events) and the final report of an exchange. */
@Service
public class PhaseReportService {

    static final List<String> CSV_COLUMNS = List.of("phaseNo", "personId", "externalRef", "side", "familyName",
            "givenName", "art109", "crossed", "confirmedAt", "confirmedBy", "status", "discrepancy", "statusReason",
            "familyNotification", "medicalIntake");

    private final ExchangeRepository exchanges;
    private final PhaseRepository phases;
    private final ListEntryRepository entries;
    private final HandoverRepository records;
    private final LawfulRecordsService lawful;
    private final FamilyNotificationRepository families;

    public PhaseReportService(ExchangeRepository exchanges, PhaseRepository phases, ListEntryRepository entries,
                              HandoverRepository records, LawfulRecordsService lawful,
                              FamilyNotificationRepository families) {
        this.exchanges = exchanges;
        this.phases = phases;
        this.entries = entries;
        this.records = records;
        this.lawful = lawful;
        this.families = families;
    }

    public Map<String, Object> phase(UUID exchangeId, int phaseNo) {
        Exchange e = exchanges.find(exchangeId).orElseThrow(() -> ApiException.notFound("exchange " + exchangeId));
        Phase p = phases.find(exchangeId, phaseNo).orElseThrow(() -> ApiException.notFound("phase " + phaseNo));
        Map<Long, ListEntryRepository.Row> byPerson = entries.rows(exchangeId).stream()
                .collect(Collectors.toMap(r -> r.person().id(), r -> r));
        List<HandoverRepository.Discrepancy> discrepancies = records.discrepancies(exchangeId, phaseNo);
        Map<Long, String> kindByPerson = new HashMap<>();
        discrepancies.stream().filter(d -> d.personId() != null).forEach(d -> kindByPerson.put(d.personId(), d.kind()));
        Map<Long, String> notified = families.outcomes(exchangeId, phaseNo);
        Map<Long, String> intake = records.medicalIntakes(exchangeId, phaseNo);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exchangeId", exchangeId);
        out.put("agreementRef", e.agreementRef());
        out.put("phaseNo", phaseNo);
        out.put("plannedSize", p.plannedSize());
        out.put("dueAt", p.dueAt());
        out.put("status", p.status());
        out.put("startedAt", p.startedAt());
        out.put("completedAt", p.completedAt());
        Map<String, Object> parity = new LinkedHashMap<>();
        parity.put("received", p.receivedCount());
        parity.put("handedOver", p.handedOverCount());
        parity.put("art109", p.art109Count());
        parity.put("holds", p.parityHolds());
        out.put("parity", parity);
        List<Map<String, Object>> people = new ArrayList<>();
        for (HandoverRepository.Confirmation c : records.confirmations(exchangeId, phaseNo)) {
            ListEntryRepository.Row r = byPerson.get(c.personId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phaseNo", phaseNo);
            m.put("personId", c.personId());
            m.put("externalRef", r.person().externalRef());
            m.put("side", r.entry().list().name());
            m.put("familyName", r.person().familyName());
            m.put("givenName", r.person().givenName());
            m.put("art109", Parity.apart(r.person()));
            m.put("crossed", c.crossed());
            m.put("confirmedAt", c.confirmedAt());
            m.put("confirmedBy", c.confirmedBy());
            m.put("status", r.entry().status().name());
            m.put("discrepancy", kindByPerson.get(c.personId()));
            m.put("statusReason", r.entry().statusReason());
            m.put("familyNotification", notified.get(c.personId()));
            m.put("medicalIntake", intake.get(c.personId()));
            people.add(m);
        }
        out.put("people", people);
        out.put("discrepancies", discrepancies);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("recorded", records.manifestRecorded(exchangeId, phaseNo));
        manifest.put("brought", new java.util.TreeSet<>(records.brought(exchangeId, phaseNo)));
        out.put("manifest", manifest);
        out.put("corrections", records.corrections(exchangeId, phaseNo));
        out.put("deadlineEvents", records.alerts(exchangeId, phaseNo));
        out.put("logistics", records.logistics(exchangeId, phaseNo));
        return out;
    }

    @SuppressWarnings("unchecked")
    public String phaseCsv(UUID exchangeId, int phaseNo) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) phase(exchangeId, phaseNo).get("people")) {
            sb.append(CSV_COLUMNS.stream().map(c -> csv(row.get(c))).collect(Collectors.joining(","))).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Every phase, with totals: the record that closes the exchange. It names, as the hold-back notice does,
     * everyone held back for criminal proceedings (art. 119, with case reference and authority) and the
     * seriously wounded or sick of ours the other side refused to release, still claimed (art. 109).
     */
    public Map<String, Object> finalReport(UUID exchangeId) {
        Exchange e = exchanges.find(exchangeId).orElseThrow(() -> ApiException.notFound("exchange " + exchangeId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exchangeId", exchangeId);
        out.put("agreementRef", e.agreementRef());
        out.put("formulaSize", e.formulaSize());
        out.put("ratifiedAt", e.ratifiedAt());
        out.put("ratificationDoc", e.ratificationDoc());
        out.put("status", e.status());
        out.put("completedAt", e.completedAt());
        int repatriated = 0;
        int released = 0;
        int art109 = 0;
        int notExchanged = 0;
        for (ListEntryRepository.Row r : entries.rows(exchangeId)) {
            EntryStatus s = r.entry().status();
            if (s == EntryStatus.REPATRIATED || (s == EntryStatus.HANDED_OVER && r.entry().list() == Side.BRING_HOME)) {
                repatriated++;
                art109 += Parity.apart(r.person()) ? 1 : 0;
            } else if (s == EntryStatus.HANDED_OVER) {
                released++;
                art109 += Parity.apart(r.person()) ? 1 : 0;
            } else if (s == EntryStatus.NOT_EXCHANGED) {
                notExchanged++;
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("repatriated", repatriated);
        totals.put("released", released);
        totals.put("art109", art109);
        totals.put("notExchanged", notExchanged);
        List<Map<String, Object>> ph = new ArrayList<>();
        int discrepancies = 0;
        boolean allBalanced = true;
        for (Phase p : phases.list(exchangeId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phaseNo", p.phaseNo());
            m.put("status", p.status());
            m.put("dueAt", p.dueAt());
            m.put("completedAt", p.completedAt());
            m.put("received", p.receivedCount());
            m.put("handedOver", p.handedOverCount());
            m.put("art109", p.art109Count());
            m.put("parityHolds", p.parityHolds());
            int d = records.discrepancies(exchangeId, p.phaseNo()).size();
            m.put("discrepancies", d);
            discrepancies += d;
            allBalanced &= Boolean.TRUE.equals(p.parityHolds());
            ph.add(m);
        }
        totals.put("discrepancies", discrepancies);
        List<LawfulRecordsService.HeldBack> heldBack = lawful.heldBack(exchangeId);
        List<Map<String, Object>> stillClaimed = lawful.stillClaimed(exchangeId);
        totals.put("heldBackUnderArt119", heldBack.size());
        totals.put("stillClaimed", stillClaimed.size());
        out.put("totals", totals);
        out.put("allPhasesBalanced", allBalanced);
        out.put("phases", ph);
        out.put("heldBackUnderArt119", heldBack);
        out.put("stillClaimed", stillClaimed);
        return out;
    }

    static String csv(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        // neutralise spreadsheet formulas and quote separators
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
