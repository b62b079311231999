package org.powexchange.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per agency, round and pass: APPROVE, or OBJECT when it objected to at least one person. */
@Repository
public class ReviewRepository {

    public record Review(UUID exchangeId, int round, int pass, String agency, String decision, String comment,
                         String reviewer, OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Review r) {
        jdbc.sql("insert into agency_review (exchange_id, review_round, review_pass, agency, decision, comment_text, "
                        + "reviewer, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.exchangeId(), r.round(), r.pass(), r.agency(), r.decision(), r.comment(), r.reviewer(),
                        r.decidedAt())
                .update();
    }

    public int lastRound(UUID exchangeId) {
        return jdbc.sql("select coalesce(max(review_round), 0) from agency_review where exchange_id = ?")
                .param(exchangeId).query(Integer.class).single();
    }

    public List<Review> list(UUID exchangeId) {
        return jdbc.sql("select * from agency_review where exchange_id = ? order by review_round, review_pass, decided_at, id")
                .param(exchangeId)
                .query((rs, n) -> new Review(rs.getObject("exchange_id", UUID.class), rs.getInt("review_round"),
                        rs.getInt("review_pass"), rs.getString("agency"), rs.getString("decision"),
                        rs.getString("comment_text"), rs.getString("reviewer"),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }
}
