package org.powexchange.handover;

/** Variables of the phase-handover process. */
final class HandoverProcess {

    static final String PHASE_DUE_AT = "phaseDueAt";
    static final String CROSSED_HOME = "crossedHome";
    static final String CROSSED_RELEASED = "crossedReleased";
    static final String HANDOVER_COMMENT = "handoverComment";
    static final String RECEIVED_COUNT = "receivedCount";
    static final String HANDED_OVER_COUNT = "handedOverCount";
    static final String PARITY_HOLDS = "parityHolds";
    static final String DISCREPANCY_DECISION = "discrepancyDecision";
    static final String DISCREPANCY_COMMENT = "discrepancyComment";
    static final String BREACH_DECISION = "breachDecision";
    static final String BREACH_COMMENT = "breachComment";

    private HandoverProcess() {
    }
}
