package org.powexchange.drafting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drafting stage's own record of how each person was assessed (table person_assessment). */
@Repository
public class DraftingRepository {

    /** One person_assessment row: how life status and priority were decided. */
    public record Assessment(long personId, UUID exchangeId, String lifeBasis, String wouldConfirm,
                             Integer priorityGroup, String priorityCategory, boolean reviewFlag, String reviewReason,
                             String decisionInputs, String decisionOutputs, OffsetDateTime assessedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DraftingRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The exchange's assessment rows by person id, each as column name → value (case-insensitive names). */
    public Map<Long, Map<String, Object>> assessments(UUID exchangeId) {
        Map<Long, Map<String, Object>> byPerson = new TreeMap<>();
        jdbc.sql("select * from person_assessment where exchange_id = ?").param(exchangeId).query().listOfRows()
                .forEach(m -> byPerson.put(((Number) m.get("person_id")).longValue(), m));
        return byPerson;
    }

    /** Replaces these people's assessments, in two JDBC batches (a compile assesses thousands). */
    public void replaceAssessments(List<Assessment> assessments) {
        batch.batchUpdate("delete from person_assessment where person_id = ?",
                assessments.stream().map(a -> new Object[] {a.personId()}).toList());
        batch.batchUpdate("insert into person_assessment (person_id, exchange_id, life_basis, would_confirm, "
                + "priority_group, priority_category, review_flag, review_reason, decision_inputs, decision_outputs, "
                + "assessed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                assessments.stream().map(a -> new Object[] {a.personId(), a.exchangeId(), a.lifeBasis(),
                        a.wouldConfirm(), a.priorityGroup(), a.priorityCategory(), a.reviewFlag(), a.reviewReason(),
                        a.decisionInputs(), a.decisionOutputs(), a.assessedAt()}).toList());
    }

    /** Forgets one person's assessment (the person was merged into another). */
    public void deleteAssessment(long personId) {
        jdbc.sql("delete from person_assessment where person_id = ?").param(personId).update();
    }
}
