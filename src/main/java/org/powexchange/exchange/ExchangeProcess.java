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

    /**
     * The exchange a process instance (or one of its tasks) works on: every process of an exchange carries its id.
     * A missing or malformed id is named in the job's incident rather than surfacing as a bare NullPointerException.
     */
    public static java.util.UUID exchangeId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object id = scope.getVariable(VAR_EXCHANGE_ID);
        if (!(id instanceof String text)) {
            throw new IllegalStateException("the process variable " + VAR_EXCHANGE_ID + " is missing or not text: " + id);
        }
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the process variable " + VAR_EXCHANGE_ID + " is no exchange id: " + text, e);
        }
    }
}
