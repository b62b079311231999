package org.powexchange.people;

/** Where a person stands on an exchange's lists, from drafting to handover. */
public enum EntryStatus {
    /** submitted, not yet compiled into a list */
    CANDIDATE,
    /** on the proposed list at the formula size (or exempt from it under art. 109) */
    PROPOSED,
    /** next in line, replaces a person who drops out */
    RESERVE,
    /** kept track of, not on a list: life not confirmed, or deceased */
    TRACKED,
    AWAITING_VERIFICATION,
    VERIFIED,
    FAILED_VERIFICATION,
    SCHEDULED,
    /** crossed at the exchange point in its phase (either direction) */
    HANDED_OVER,
    /** one of ours, back home once the phase is closed */
    REPATRIATED,
    NOT_EXCHANGED,
    /**
     * one of ours, seriously wounded or sick (art. 109), whom the other side refused to release at the
     * agreement: not exchanged now, still claimed (listed as such in the reports), never dropped silently
     */
    DEMANDED
}
