package org.powexchange.review;

/** Variables of the interagency-review process. */
final class ReviewProcess {

    static final String ROUND = "reviewRound";
    static final String AGENCY = "agency";
    static final String DECISION = "reviewDecision";
    static final String COMMENT = "reviewComment";
    static final String OUTCOME = "reviewOutcome";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private ReviewProcess() {
    }
}
