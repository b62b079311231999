package org.powexchange.people;

import java.time.LocalDate;
import java.util.UUID;

/** A person on either side of an exchange (all people in this project are invented). */
public record Person(long id, UUID exchangeId, Side side, String externalRef, String familyName, String givenName,
                     LocalDate birthDate, String serviceNumber, Category category, boolean seriouslyWoundedSick,
                     LifeStatus lifeStatus, LocalDate capturedOn, Integer priority) {

    public String displayName() {
        return familyName + " " + givenName + (birthDate == null ? "" : " (b. " + birthDate + ")");
    }
}
