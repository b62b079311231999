package org.powexchange.review;

import java.util.List;

/** Variables, codes and element ids of the interagency-review process. */
final class ReviewProcess {

    static final String PROCESS_KEY = "interagency-review";
    /** one round per call of the review from the main process (a redraft is reviewed in a new round) */
    static final String ROUND = "reviewRound";
    /** within a round, pass 1 is the full review; later passes re-review the Staff's changes */
    static final String PASS = "reviewPass";
    /** the agencies that review in this pass, comma separated */
    static final String AGENCIES = "reviewAgencies";
    /** person ids changed by the last resolution, comma separated (empty in pass 1) */
    static final String CHANGED = "reviewChanged";
    static final String OBJECTION_COUNT = "objectionCount";
    /**
     * in variable: REPLACEMENTS when neutral verification calls the review for the replacements it proposed:
     * only they are reviewed, by the agencies their routing names, and the lists cannot go back to drafting
     */
    static final String SCOPE = "reviewScope";
    static final String SCOPE_REPLACEMENTS = "REPLACEMENTS";
    /** in variable with the REPLACEMENTS scope: the person ids to review, comma separated */
    static final String PEOPLE = "reviewPeople";
    static final String ESCALATED = "escalatedAgencies";

    // task-local form fields of an agency review
    static final String AGENCY = "agency";
    static final String OBJECTIONS = "objections";
    static final String COMMENT = "reviewComment";

    // form fields of "Resolve objections"
    static final String RESOLUTIONS = "resolutions";
    static final String RESOLUTION_OUTCOME = "resolutionOutcome";
    static final String RESOLUTION_COMMENT = "resolutionComment";
    static final String APPLY = "APPLY";
    static final String REDRAFT = "REDRAFT";

    /** out variable read by prisoner-exchange: APPROVED lets the exchange go on to verification */
    static final String OUTCOME = "reviewOutcome";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    static final String APPROVE = "APPROVE";
    static final String OBJECT = "OBJECT";

    static final List<String> REASON_CODES = List.of("SECURITY_RISK", "STRATEGIC_VALUE",
            "PENDING_CRIMINAL_PROCEEDINGS", "IDENTITY_DOUBT", "HUMANITARIAN_PRIORITY");
    /** reasons that are about bargaining, never a ground to hold back a seriously wounded or sick person */
    static final List<String> BARGAINING_REASONS = List.of("SECURITY_RISK", "STRATEGIC_VALUE");

    static final String CRIMINAL_PROCEEDINGS = "PENDING_CRIMINAL_PROCEEDINGS";
    static final String IDENTITY_DOUBT = "IDENTITY_DOUBT";

    static final String KEEP = "KEEP";
    static final String REMOVE = "REMOVE";
    static final String DEFER = "DEFER";

    private ReviewProcess() {
    }
}
