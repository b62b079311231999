package org.powexchange.people;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Criminal proceedings recorded against a person we hold: the only ground for an art. 119 hold-back. */
public record CriminalProceedings(long id, UUID exchangeId, long personId, String caseReference, String authority,
                                  String recordedBy, OffsetDateTime recordedAt) {
}
