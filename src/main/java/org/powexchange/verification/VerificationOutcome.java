package org.powexchange.verification;

/** The neutral intermediary's finding for one person (Geneva Convention III art. 109(3), 126). */
public enum VerificationOutcome {
    VERIFIED,
    CONSENT_REFUSED,
    NOT_FOUND,
    DECEASED,
    UNFIT_TO_TRAVEL,
    IDENTITY_MISMATCH
}
