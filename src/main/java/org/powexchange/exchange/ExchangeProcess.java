package org.powexchange.exchange;

/** Names shared by the BPMN models and the code: process keys, messages and variables. */
public final class ExchangeProcess {

    public static final String PROCESS_KEY = "prisoner-exchange";
    public static final String MSG_RATIFIED = "ExchangeRatified";
    public static final String MSG_CANDIDATES_SUBMITTED = "CandidatesSubmitted";
    public static final String MSG_VERIFICATION_COMPLETED = "VerificationCompleted";

    public static final String VAR_EXCHANGE_ID = "exchangeId";
    public static final String VAR_PHASE_COUNT = "phaseCount";
    public static final String VAR_PHASE_NO = "phaseNo";
    public static final String VAR_RATIFICATION_DOC = "ratificationDocumentRef";
    public static final String VAR_RATIFICATION_SIGNED_AT = "ratificationSignedAt";
    /** optional, in the ratification form: the agreed due time of each phase */
    public static final String VAR_AGREED_PHASE_DATES = "agreedPhaseDates";

    private ExchangeProcess() {
    }
}
