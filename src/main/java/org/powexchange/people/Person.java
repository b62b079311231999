package org.powexchange.people;

import java.time.LocalDate;
import java.util.UUID;

/** A person on either side of an exchange (all people in this project are invented). */
public record Person(long id, UUID exchangeId, Side side, String externalRef, String familyName, String givenName,
                     String patronymic, LocalDate birthDate, String serviceNumber, Category category,
                     boolean seriouslyWoundedSick, LifeStatus lifeStatus, LocalDate capturedOn, Integer priority) {

    /** Family name, given name and, where the sources give one, the patronymic (the father's name). */
    public String fullName() {
        return familyName + " " + givenName + (patronymic == null ? "" : " " + patronymic);
    }

    public String displayName() {
        return fullName() + (birthDate == null ? "" : " (b. " + birthDate + ")");
    }
}
