package org.powexchange.verification;

import java.time.LocalDate;

/**
 * The neutral party's finding from its private interview (Geneva Convention III art. 109(3)): when, what
 * the person wants, and a pseudonymous reference of the delegate. What was said is never recorded.
 */
public record Consent(LocalDate interviewedOn, Outcome outcome, String delegateRef) {

    /** Stored as verification_result.consent_outcome; handover reads WANTS_REPATRIATION at the crossing. */
    public enum Outcome {
        WANTS_REPATRIATION, REFUSES, UNDECIDED
    }

    /** A delegate reference is a pseudonym: letters, digits and . _ - only, never a name with spaces. */
    public static final String DELEGATE_REF = "[A-Za-z0-9._-]{1,64}";
}
