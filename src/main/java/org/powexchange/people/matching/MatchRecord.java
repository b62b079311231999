package org.powexchange.people.matching;

/**
 * What the matcher needs of one source record. {@code key} identifies the record to the caller;
 * {@code group} is an existing person the record already belongs to (0 for none). The patronymic
 * (father's name) may be null, full or abbreviated.
 */
public record MatchRecord(long key, long group, String familyName, String givenName, String patronymic,
                          PartialDate birthDate, String serviceNumber) {

    /** A record without a patronymic. */
    public MatchRecord(long key, long group, String familyName, String givenName, PartialDate birthDate,
                       String serviceNumber) {
        this(key, group, familyName, givenName, null, birthDate, serviceNumber);
    }
}
