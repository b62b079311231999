package org.powexchange.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.powexchange.refusal.Refusal;
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

    public PhaseReport phase(UUID exchangeId, int phaseNo) {
        Exchange e = exchanges.find(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
        Phase p = phases.find(exchangeId, phaseNo).orElseThrow(() -> Refusal.notFound("phase " + phaseNo));
        Map<Long, ListEntryRepository.Row> byPerson = entries.rows(exchangeId).stream()
                .collect(Collectors.toMap(r -> r.person().id(), r -> r));
        List<HandoverRepository.Discrepancy> discrepancies = records.discrepancies(exchangeId, phaseNo);
        Map<Long, String> kindByPerson = new HashMap<>();
        discrepancies.stream().filter(d -> d.personId() != null).forEach(d -> kindByPerson.put(d.personId(), d.kind()));
        Map<Long, String> notified = families.outcomes(exchangeId, phaseNo);
        Map<Long, String> intake = records.medicalIntakes(exchangeId, phaseNo);

        List<PhaseReport.Crossing> people = new ArrayList<>();
        for (HandoverRepository.Confirmation c : records.confirmations(exchangeId, phaseNo)) {
            ListEntryRepository.Row r = byPerson.get(c.personId());
            people.add(new PhaseReport.Crossing(phaseNo, c.personId(), r.person().externalRef(),
                    r.entry().list().name(), r.person().familyName(), r.person().givenName(), Parity.apart(r.person()),
                    c.crossed(), c.confirmedAt(), c.confirmedBy(), r.entry().status().name(),
                    kindByPerson.get(c.personId()), r.entry().statusReason(), notified.get(c.personId()),
                    intake.get(c.personId())));
        }
        return new PhaseReport(exchangeId, e.agreementRef(), phaseNo, p.plannedSize(), p.dueAt(), p.status(),
                p.startedAt(), p.completedAt(),
                new PhaseReport.PhaseParity(p.receivedCount(), p.handedOverCount(), p.art109Count(), p.parityHolds()),
                people, discrepancies,
                new PhaseReport.ManifestStatus(records.manifestRecorded(exchangeId, phaseNo),
                        new TreeSet<>(records.brought(exchangeId, phaseNo))),
                records.corrections(exchangeId, phaseNo), records.alerts(exchangeId, phaseNo),
                records.logistics(exchangeId, phaseNo));
    }

    public String phaseCsv(UUID exchangeId, int phaseNo) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (PhaseReport.Crossing c : phase(exchangeId, phaseNo).people()) {
            List<Object> row = java.util.Arrays.asList(c.phaseNo(), c.personId(), c.externalRef(), c.side(),
                    c.familyName(), c.givenName(), c.art109(), c.crossed(), c.confirmedAt(), c.confirmedBy(),
                    c.status(), c.discrepancy(), c.statusReason(), c.familyNotification(), c.medicalIntake());
            sb.append(row.stream().map(PhaseReportService::csv).collect(Collectors.joining(","))).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Every phase, with totals: the record that closes the exchange. It names, as the hold-back notice does,
     * everyone held back for criminal proceedings (art. 119, with case reference and authority) and the
     * seriously wounded or sick of ours the other side refused to release, still claimed (art. 109).
     */
    public FinalReport finalReport(UUID exchangeId) {
        Exchange e = exchanges.find(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
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
        List<FinalReport.PhaseLine> ph = new ArrayList<>();
        int discrepancies = 0;
        boolean allBalanced = true;
        for (Phase p : phases.list(exchangeId)) {
            int d = records.discrepancies(exchangeId, p.phaseNo()).size();
            ph.add(new FinalReport.PhaseLine(p.phaseNo(), p.status(), p.dueAt(), p.completedAt(), p.receivedCount(),
                    p.handedOverCount(), p.art109Count(), p.parityHolds(), d));
            discrepancies += d;
            allBalanced &= Boolean.TRUE.equals(p.parityHolds());
        }
        List<LawfulRecordsService.HeldBack> heldBack = lawful.heldBack(exchangeId);
        List<LawfulRecordsService.StillClaimed> stillClaimed = lawful.stillClaimed(exchangeId);
        FinalReport.Totals totals = new FinalReport.Totals(repatriated, released, art109, notExchanged, discrepancies,
                heldBack.size(), stillClaimed.size());
        return new FinalReport(exchangeId, e.agreementRef(), e.formulaSize(), e.ratifiedAt(), e.ratificationDoc(),
                e.status(), e.completedAt(), totals, allBalanced, ph, heldBack, stillClaimed);
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
