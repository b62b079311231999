package org.powexchange.verification;

/** The neutral intermediary's finding for one person (Geneva Convention III art. 109(3), 126). */
public enum VerificationOutcome {
    VERIFIED,
    /** interviewed in private, refuses repatriation (consent REFUSES): does not cross, replaced from the reserve */
    CONSENT_REFUSED,
    /** interviewed in private, has not decided (consent UNDECIDED): waits for a new interview */
    CONSENT_UNDECIDED,
    NOT_FOUND,
    DECEASED,
    /** with {@link Medical#ESCORT} the person still travels, with a medical escort; with {@link Medical#HOLD} not */
    UNFIT_TO_TRAVEL,
    IDENTITY_MISMATCH;

    /** The medical detail of an unfit-to-travel finding. */
    public enum Medical {
        ESCORT, HOLD
    }

    /** Whether the person may go forward to the handover. */
    public boolean passes(Medical medical) {
        return this == VERIFIED || (this == UNFIT_TO_TRAVEL && medical == Medical.ESCORT);
    }
}
