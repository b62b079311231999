package org.powexchange.drafting.matching;

/**
 * What the matcher needs of one source record. {@code key} identifies the record to the caller;
 * {@code group} is an existing person the record already belongs to (0 for none).
 */
public record MatchRecord(long key, long group, String familyName, String givenName, PartialDate birthDate,
                          String serviceNumber) {
}
