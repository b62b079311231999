package org.powexchange.people;

import java.util.UUID;

public record ListEntry(long id, UUID exchangeId, long personId, Side list, Integer rankNo, Integer phaseNo,
                        EntryStatus status, String statusReason) {
}
