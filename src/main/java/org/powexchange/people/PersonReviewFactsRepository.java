package org.powexchange.people;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PersonReviewFactsRepository {

    private final JdbcClient jdbc;

    public PersonReviewFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the facts of one person. */
    public void save(PersonReviewFacts f) {
        int n = jdbc.sql("update person_review_facts set strategic_flag = ?, pending_criminal_proceedings = ?, "
                        + "officer = ?, military_rank = ? where person_id = ?")
                .params(f.strategicFlag(), f.pendingCriminalProceedings(), f.officer(), f.militaryRank(), f.personId())
                .update();
        if (n == 0) {
            jdbc.sql("insert into person_review_facts (person_id, strategic_flag, pending_criminal_proceedings, officer, "
                            + "military_rank) values (?, ?, ?, ?, ?)")
                    .params(f.personId(), f.strategicFlag(), f.pendingCriminalProceedings(), f.officer(),
                            f.militaryRank())
                    .update();
        }
    }

    public PersonReviewFacts find(long personId) {
        return jdbc.sql("select * from person_review_facts where person_id = ?").param(personId)
                .query((rs, n) -> new PersonReviewFacts(rs.getLong("person_id"), rs.getString("strategic_flag"),
                        rs.getBoolean("pending_criminal_proceedings"), rs.getBoolean("officer"),
                        rs.getString("military_rank")))
                .optional().orElse(PersonReviewFacts.none(personId));
    }

    /** The facts of every person of an exchange that has any; others have none. */
    /**
     * Review facts of everyone on the exchange: those given with the candidate records, completed by the
     * strategic-review flag that drafting derived from the sources (table person_assessment).
     */
    public Map<Long, PersonReviewFacts> forExchange(UUID exchangeId) {
        Map<Long, PersonReviewFacts> out = new HashMap<>();
        jdbc.sql("select p.id as pid, f.strategic_flag, f.pending_criminal_proceedings, f.officer, f.military_rank, "
                        + "a.review_flag, a.review_reason from person p "
                        + "left join person_review_facts f on f.person_id = p.id "
                        + "left join person_assessment a on a.person_id = p.id "
                        + "where p.exchange_id = ? and (f.person_id is not null or a.review_flag = true)")
                .param(exchangeId)
                .query(rs -> {
                    String flag = rs.getString("strategic_flag");
                    if ((flag == null || flag.isBlank()) && rs.getBoolean("review_flag")) {
                        String reason = rs.getString("review_reason");
                        flag = reason == null || reason.isBlank() ? "flagged in drafting" : reason;
                    }
                    out.put(rs.getLong("pid"), new PersonReviewFacts(rs.getLong("pid"), flag,
                            rs.getBoolean("pending_criminal_proceedings"), rs.getBoolean("officer"),
                            rs.getString("military_rank")));
                });
        return out;
    }
}
