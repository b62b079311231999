package org.powexchange.drafting;

/** Variables of the list-drafting process. */
final class DraftingProcess {

    static final String CANDIDATE_COUNT = "candidateCount";
    static final String BRING_HOME_COUNT = "bringHomeCount";
    static final String RELEASE_COUNT = "releaseCount";
    static final String ART109_COUNT = "art109Count";
    static final String LISTS_DECISION = "listsDecision";
    static final String DRAFTING_COMMENT = "draftingComment";
    static final String POSSIBLE_DUPLICATE_COUNT = "possibleDuplicateCount";
    static final String PAIRS_TO_MERGE = "pairsToMerge";
    static final String DUPLICATES_COMMENT = "duplicatesComment";
    static final String FLAGGED_COUNT = "flaggedCount";
    static final String TRACKED_COUNT = "trackedCount";

    private DraftingProcess() {
    }
}
