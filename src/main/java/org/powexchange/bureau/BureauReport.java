package org.powexchange.bureau;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The information bureau's record of one exchange (GC III art. 122–123): one row per person, each with an
 * event log (listed, verified, crossed, died, held back, not exchanged, admitted to hospital).
 */
public record BureauReport(String exchangeId, String agreementRef, OffsetDateTime generatedAt, List<Row> people) {

    /** The columns, in the order of the CSV. */
    public static final List<String> COLUMNS = List.of("personId", "familyName", "givenNames", "patronymic",
            "birthDate", "birthPlace", "rank", "serviceNumber", "side", "dependsOn", "category", "captureDate",
            "capturePlace", "placeOfDetention", "verificationOutcome", "consentDate", "phase", "crossedAt",
            "medicalIntake", "status", "heldBack", "heldBackCaseReference", "notExchangedReason", "events");

    /** every column present in JSON too, empty ones as null: the bureau's form has fixed fields */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Row(long personId, String familyName, String givenNames, String patronymic, LocalDate birthDate,
                      String birthPlace, String rank, String serviceNumber, String side, String dependsOn,
                      String category, LocalDate captureDate, String capturePlace, String placeOfDetention,
                      String verificationOutcome, LocalDate consentDate, Integer phase, OffsetDateTime crossedAt,
                      String medicalIntake, String status, boolean heldBack, String heldBackCaseReference,
                      String notExchangedReason, List<Event> events) {

        /** The cells of the CSV line, in {@link #COLUMNS} order. */
        List<Object> cells() {
            return java.util.Arrays.asList(personId, familyName, givenNames, patronymic, birthDate, birthPlace, rank,
                    serviceNumber, side, dependsOn, category, captureDate, capturePlace, placeOfDetention,
                    verificationOutcome, consentDate, phase, crossedAt, medicalIntake, status, heldBack,
                    heldBackCaseReference, notExchangedReason, String.join(" | ", events.stream().map(Event::line).toList()));
        }
    }

    // named apart from the other records called alike in /v3/api-docs
    @Schema(name = "BureauEvent")
    public record Event(OffsetDateTime at, String event, String detail) {
        String line() {
            return (at == null ? "" : at + " ") + event + (detail == null || detail.isBlank() ? "" : ": " + detail);
        }
    }
}
