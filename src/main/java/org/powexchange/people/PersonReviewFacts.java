package org.powexchange.people;

/**
 * Facts about a person that decide which agencies must review them: a strategic flag (access to
 * secrets, intelligence value), pending criminal proceedings (Geneva Convention III art. 119) and
 * military rank. Kept apart from {@link Person} in table {@code person_review_facts}.
 */
public record PersonReviewFacts(long personId, String strategicFlag, boolean pendingCriminalProceedings,
                                boolean officer, String militaryRank) {

    public static PersonReviewFacts none(long personId) {
        return new PersonReviewFacts(personId, null, false, false, null);
    }

    public boolean strategic() {
        return strategicFlag != null && !strategicFlag.isBlank();
    }
}
