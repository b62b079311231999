package org.powexchange.drafting;

import java.time.LocalDate;
import java.util.UUID;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.people.Side;

/**
 * One row of one source, validated; linked to the person it describes once cross-referenced. Names and
 * service numbers are kept as written; {@code dataWarning} says what the record was kept with despite a doubt.
 */
public record SourceRecord(long id, UUID exchangeId, SourceKind source, String sourceRef, Side side,
                           String familyName, String givenName, String patronymic, PartialDate birthDate, String serviceNumber,
                           String category, String rank, String unit, LocalDate capturedOn, String capturedPlace,
                           String locationHeld, String evidenceType, LocalDate evidenceDate, String strategicFlags,
                           Boolean seriouslyWoundedSick, String declaredLifeStatus, String relativeContact,
                           LocalDate lastSeenOn, String dnaSampleRef, Long personId, Double matchConfidence,
                           String dataWarning) {

    /** A content fingerprint: re-importing an unchanged row changes nothing. */
    public String fingerprint() {
        String s = String.join("|", String.valueOf(side), familyName, givenName, birthDate == null ? "null" : dateText(birthDate),
                String.valueOf(serviceNumber), String.valueOf(category), String.valueOf(rank), String.valueOf(unit),
                String.valueOf(capturedOn), String.valueOf(capturedPlace), String.valueOf(locationHeld),
                String.valueOf(evidenceType), String.valueOf(evidenceDate), String.valueOf(strategicFlags),
                String.valueOf(seriouslyWoundedSick), String.valueOf(declaredLifeStatus), String.valueOf(relativeContact),
                String.valueOf(lastSeenOn), String.valueOf(dnaSampleRef))
                // appended only when present, so records imported before the column existed keep their fingerprint
                + (patronymic == null ? "" : "|" + patronymic);
        return Hashing.sha256(s);
    }

    /**
     * {@link PartialDate#toString()} without {@code String.format} (two calls per imported row cost ~5 % of an
     * import's CPU): the year, then "-MM", then "-DD" as far as known; "" when unknown. The fingerprints of stored
     * records depend on this text staying the same (SourceRecordTest compares the two).
     */
    static String dateText(PartialDate d) {
        if (d.year() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(10).append(d.year().intValue());
        if (d.month() != null) {
            b.append(d.month() < 10 ? "-0" : "-").append(d.month().intValue());
        }
        if (d.day() != null) {
            b.append(d.day() < 10 ? "-0" : "-").append(d.day().intValue());
        }
        return b.toString();
    }

    public String label() {
        return source.prefix() + ":" + sourceRef;
    }
}
