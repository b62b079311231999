package org.powexchange.handover;

/** Variables, codes and values of the phase-handover process. */
final class HandoverProcess {

    static final String PROCESS_KEY = "phase-handover";
    static final String TASK_CONFIRM_HANDOVER = "Task_ConfirmHandover";
    static final String TASK_RECORD_MANIFEST = "Task_RecordManifest";

    static final String PHASE_DUE_AT = "phaseDueAt";
    static final String PHASE_WARN_AT = "phaseWarnAt";
    static final String CROSSED_HOME = "crossedHome";
    static final String CROSSED_RELEASED = "crossedReleased";
    static final String HANDOVER_COMMENT = "handoverComment";
    static final String REFUSED_AT_CROSSING = "refusedAtCrossing";
    static final String REFUSED_COUNT = "refusedCount";
    static final String REFUSAL_FOLLOW_UP = "refusalFollowUp";
    static final String BROUGHT_HOME = "broughtHome";
    static final String HELD_FOR_PROCEEDINGS = "heldForProceedings";
    static final String MANIFEST_COMMENT = "manifestComment";
    static final String THEIR_SHORTFALL = "theirShortfall";
    static final String MSG_PHASE_CLOSED = "PhaseClosed";
    static final String RECEIVED_COUNT = "receivedCount";
    static final String HANDED_OVER_COUNT = "handedOverCount";
    static final String PARITY_HOLDS = "parityHolds";
    static final String DISCREPANCY_DECISION = "discrepancyDecision";
    static final String DISCREPANCY_COMMENT = "discrepancyComment";
    static final String BREACH_DECISION = "breachDecision";
    static final String BREACH_COMMENT = "breachComment";
    static final String NEW_DUE_AT = "newDueAt";
    static final String RESUME_AT = "resumeAt";
    static final String RESUME_COMMENT = "resumeComment";

    static final String TRANSPORT_READY = "transportReady";
    static final String ESCORT_READY = "escortReady";
    static final String MEDICAL_ESCORT_READY = "medicalEscortReady";
    static final String DOCUMENTS_READY = "documentsReady";
    static final String LOGISTICS_COMMENT = "logisticsComment";
    static final String INTERIOR_READY = "interiorReady";
    static final String DEFENCE_READY = "defenceReady";
    static final String GO_DECISION = "goDecision";
    static final String GO_COMMENT = "goComment";

    static final String RETURNED_COUNT = "returnedCount";
    static final String RETURNED_WOUNDED_COUNT = "returnedWoundedCount";
    /** families to tell after a phase (notices opened when it closed) */
    static final String FAMILIES_TO_NOTIFY = "familiesToNotify";
    /** the dynamic list of "Notify the families": one row per family, the Ombudsman's outcome and note */
    static final String FAMILIES = "families";
    static final String UNREACHED_FAMILY_COUNT = "unreachedFamilyCount";
    static final String MEDICAL_FACILITY = "medicalFacility";
    static final String MEDICAL_COMMENT = "medicalComment";

    static final String ESCALATION_SUSPENDED = "PhaseSuspended";

    private HandoverProcess() {
    }
}
