package org.powexchange.verification;

/** Names shared by bpmn/neutral-verification.bpmn and the code: messages, variables, decisions, topic. */
public final class VerificationProcess {

    public static final String PROCESS_KEY = "neutral-verification";
    /** The external task topic the neutral party's system fetches and completes. */
    public static final String TOPIC = "neutral-verification";

    public static final String MSG_COUNTERPARTY_LISTS = "CounterpartyListsReceived";

    /** latest counterparty list id (a number, the list itself is in the project's tables) */
    public static final String VAR_COUNTERPARTY_LIST_ID = "counterpartyListId";
    public static final String VAR_DIFFERENCE_COUNT = "differenceCount";
    public static final String VAR_MATCHED_COUNT = "matchedCount";
    public static final String VAR_MISSING_FROM_THEIRS = "missingFromTheirsCount";
    public static final String VAR_UNKNOWN_TO_US = "unknownToUsCount";
    public static final String VAR_ROUND = "verificationRound";
    public static final String VAR_AWAITING = "awaitingVerificationCount";
    public static final String VAR_DEADLINE = "verificationDeadline";
    public static final String VAR_OUTSTANDING = "outstandingCount";
    public static final String VAR_VERIFIED = "verifiedCount";
    public static final String VAR_FAILED = "failedCount";
    public static final String VAR_FAILED_REASONS = "failedReasons";
    public static final String VAR_REPLACEMENTS = "replacementCount";
    public static final String VAR_REPLACEMENT_OUTCOME = "replacementOutcome";
    /**
     * person ids (comma separated) the agencies must review before the other side's agreement: the
     * replacements just proposed, or our reserve added at the agreement; empty when there are none
     */
    public static final String VAR_TO_REVIEW = "peopleToReview";
    /** set by the neutral party's system when it completes the external task: JSON array of results */
    public static final String VAR_RESULTS = "verificationResults";

    // form fields and decisions
    public static final String AGREED_HOME = "agreedHome";
    public static final String AGREED_RELEASE = "agreedRelease";
    public static final String AGREEMENT_COMMENT = "agreementComment";
    /** our seriously wounded and sick the other side refused to release (they stay DEMANDED) */
    public static final String REFUSED_BY_THEM = "refusedByOtherSide";
    public static final String LATE_DECISION = "lateDecision";
    public static final String LATE_COMMENT = "lateComment";
    public static final String SHORTFALL_DECISION = "shortfallDecision";
    public static final String SHORTFALL_COMMENT = "shortfallComment";

    public static final String LATE_WAIT = "WAIT";
    public static final String LATE_PROCEED = "PROCEED";
    public static final String SHORTFALL_SMALLER = "SMALLER_PHASE";
    public static final String SHORTFALL_WAIT = "WAIT";

    /** replacementOutcome values */
    public static final String BALANCED = "BALANCED";
    public static final String REPLACED = "REPLACED";
    public static final String RESERVE_EXHAUSTED = "RESERVE_EXHAUSTED";

    /** status reason of people left without a result when the Staff proceeds past the deadline */
    public static final String NO_RESULT_BY_DEADLINE = "NO_RESULT_BY_DEADLINE";

    private VerificationProcess() {
    }
}
