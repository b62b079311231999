package org.powexchange.exchange;

/** Stages of an exchange, derived from the activity its main process waits in. */
public final class Stage {

    public static final String CREATED = "CREATED";
    public static final String DRAFTING = "DRAFTING";
    public static final String REVIEW = "REVIEW";
    public static final String VERIFICATION = "VERIFICATION";
    public static final String AWAITING_RATIFICATION = "AWAITING_RATIFICATION";
    public static final String HANDOVER = "HANDOVER";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String ENDED = "ENDED";

    static String ofActivity(String activityId) {
        if (activityId.startsWith("CallActivity_ListDrafting")) {
            return DRAFTING;
        }
        if (activityId.startsWith("CallActivity_InteragencyReview")) {
            return REVIEW;
        }
        if (activityId.startsWith("CallActivity_NeutralVerification")) {
            return VERIFICATION;
        }
        if (activityId.startsWith("Event_ExchangeRatified") || activityId.startsWith("Task_RecordRatification")) {
            return AWAITING_RATIFICATION;
        }
        if (activityId.startsWith("CallActivity_PhaseHandover") || activityId.startsWith("Task_PlanPhases")
                || activityId.startsWith("SubProcess_Phases") || activityId.startsWith("CallActivity_PhaseFollowUp")
                || activityId.startsWith("Task_CompileFinalReport")) {
            return HANDOVER;
        }
        return null;
    }

    private Stage() {
    }
}
