package org.powexchange.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PersonRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public PersonRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** {@link #update} for many people in JDBC batches (a compiled list touches thousands). */
    public void updateAll(Collection<Person> people) {
        batch.batchUpdate("update person set family_name = ?, given_name = ?, birth_date = ?, service_number = ?, "
                        + "category = ?, seriously_wounded_sick = ?, life_status = ?, captured_on = ? where id = ?",
                people.stream().map(p -> new Object[] {p.familyName(), p.givenName(), p.birthDate(), p.serviceNumber(),
                        p.category().name(), p.seriouslyWoundedSick(), p.lifeStatus().name(), p.capturedOn(), p.id()})
                        .toList());
    }

    /** Sets people's priorities (rank on their list) in JDBC batches. */
    public void setPriorities(Map<Long, Integer> priorityByPerson) {
        batch.batchUpdate("update person set priority = ? where id = ?", priorityByPerson.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
    }

    /**
     * Inserts many people in JDBC batches of 1,000 and returns their ids in the order given (cross-referencing
     * founds tens of thousands at a time; one round trip each cost ~40,000 at 100,000 records).
     */
    public List<Long> insertAll(List<Person> people) {
        String sql = "insert into person (exchange_id, side, external_ref, family_name, given_name, birth_date, "
                + "service_number, category, seriously_wounded_sick, life_status, captured_on, priority, created_at, "
                + "patronymic) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        OffsetDateTime now = OffsetDateTime.now();
        List<Long> ids = new java.util.ArrayList<>(people.size());
        for (int from = 0; from < people.size(); from += 1000) {
            List<Person> chunk = people.subList(from, Math.min(people.size(), from + 1000));
            KeyHolder keys = new GeneratedKeyHolder();
            batch.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}),
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                            Person p = chunk.get(i);
                            ps.setObject(1, p.exchangeId());
                            ps.setString(2, p.side().name());
                            ps.setString(3, p.externalRef());
                            ps.setString(4, p.familyName());
                            ps.setString(5, p.givenName());
                            ps.setObject(6, p.birthDate());
                            ps.setString(7, p.serviceNumber());
                            ps.setString(8, p.category().name());
                            ps.setBoolean(9, p.seriouslyWoundedSick());
                            ps.setString(10, p.lifeStatus().name());
                            ps.setObject(11, p.capturedOn());
                            ps.setObject(12, p.priority(), java.sql.Types.INTEGER);
                            ps.setObject(13, now);
                            ps.setString(14, p.patronymic());
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    }, keys);
            List<Map<String, Object>> got = keys.getKeyList();
            if (got.size() != chunk.size()) {
                throw new IllegalStateException("the database returned " + got.size() + " ids for " + chunk.size()
                        + " people inserted");
            }
            for (Map<String, Object> k : got) {
                ids.add(((Number) k.values().iterator().next()).longValue());
            }
        }
        return ids;
    }

    /**
     * People without a patronymic take the one given for them ({@code patronymicByPerson}); a person who has
     * one keeps it. In JDBC batches, one row per person named.
     */
    public void givePatronymics(Map<Long, String> patronymicByPerson) {
        batch.batchUpdate("update person set patronymic = ? where id = ? and patronymic is null",
                patronymicByPerson.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
    }

    /**
     * Each person of the exchange without a patronymic takes the fullest one its source records give (the
     * earliest record on a tie).
     */
    public int patronymicsFromRecords(UUID exchangeId) {
        return jdbc.sql("update person set patronymic = (select s.patronymic from record_link l "
                        + "join source_record s on s.id = l.record_id where l.person_id = person.id "
                        + "and s.patronymic is not null order by length(s.patronymic) desc, s.id limit 1) "
                        + "where exchange_id = ? and patronymic is null and exists (select 1 from record_link l "
                        + "join source_record s on s.id = l.record_id where l.person_id = person.id and s.patronymic is not null)")
                .param(exchangeId).update();
    }

    /** The people of the exchange without a patronymic (cross-referencing may give them one). */
    public java.util.Set<Long> idsWithoutPatronymic(UUID exchangeId) {
        return new java.util.HashSet<>(jdbc.sql("select id from person where exchange_id = ? and patronymic is null")
                .param(exchangeId).query(Long.class).list());
    }

    public long insert(Person p) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into person (exchange_id, side, external_ref, family_name, given_name, patronymic, birth_date, "
                        + "service_number, category, seriously_wounded_sick, life_status, captured_on, priority, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.exchangeId(), p.side().name(), p.externalRef(), p.familyName(), p.givenName(), p.patronymic(),
                        p.birthDate(), p.serviceNumber(), p.category().name(), p.seriouslyWoundedSick(),
                        p.lifeStatus().name(), p.capturedOn(), p.priority(), OffsetDateTime.now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void update(Person p) {
        jdbc.sql("update person set family_name = ?, given_name = ?, birth_date = ?, service_number = ?, category = ?, "
                        + "seriously_wounded_sick = ?, life_status = ?, captured_on = ? where id = ?")
                .params(p.familyName(), p.givenName(), p.birthDate(), p.serviceNumber(), p.category().name(),
                        p.seriouslyWoundedSick(), p.lifeStatus().name(), p.capturedOn(), p.id())
                .update();
    }

    /** Deletes a person nothing refers to any more (merged into another: records relinked, entries gone). */
    public void delete(long id) {
        jdbc.sql("delete from person where id = ?").param(id).update();
    }

    public Optional<Person> find(UUID exchangeId, long id) {
        return jdbc.sql("select * from person where exchange_id = ? and id = ?").params(exchangeId, id)
                .query(PersonRepository::map).optional();
    }

    public Optional<Person> findByRef(UUID exchangeId, Side side, String externalRef) {
        return jdbc.sql("select * from person where exchange_id = ? and side = ? and external_ref = ?")
                .params(exchangeId, side.name(), externalRef).query(PersonRepository::map).optional();
    }

    public List<Person> findByExchange(UUID exchangeId) {
        return jdbc.sql("select * from person where exchange_id = ? order by id").param(exchangeId)
                .query(PersonRepository::map).list();
    }

    static Person map(ResultSet rs, int n) throws SQLException {
        return new Person(rs.getLong("id"), rs.getObject("exchange_id", UUID.class), Side.valueOf(rs.getString("side")),
                rs.getString("external_ref"), rs.getString("family_name"), rs.getString("given_name"), rs.getString("patronymic"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("service_number"),
                Category.valueOf(rs.getString("category")), rs.getBoolean("seriously_wounded_sick"),
                LifeStatus.valueOf(rs.getString("life_status")), rs.getObject("captured_on", LocalDate.class),
                (Integer) rs.getObject("priority"));
    }
}
