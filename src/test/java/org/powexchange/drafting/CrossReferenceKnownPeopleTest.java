package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.powexchange.ExchangeDriver;
import org.powexchange.IntegrationTest;
import org.powexchange.people.Side;
import org.powexchange.people.matching.PartialDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second cross-referencing of an exchange: records that join people known from the first take them, and a
 * known person without a patronymic takes the fullest one its records now give; one who has one keeps it.
 */
class CrossReferenceKnownPeopleTest extends IntegrationTest {

    @Autowired
    CrossReferenceService crossReference;
    @Autowired
    SourceRecordRepository records;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsJoinKnownPeopleAndGiveThemTheirPatronymic() {
        UUID ex = UUID.fromString(new ExchangeDriver(http, tasks, identity).createExchange("XREF-KNOWN-1", 2, List.of(2)));
        records.insertAll(List.of(
                rec(ex, "K-1", "Вигаданенко", "Остап", null, "UA9100001"),
                rec(ex, "K-2", "Примірченко", "Зиновій", "Іванович", "UA9100002")), null);
        CrossReferenceService.Outcome first = crossReference.crossReference(ex);
        assertThat(first.newPeople()).isEqualTo(2);
        long ostap = personOf(ex, "K-1");
        long zynovii = personOf(ex, "K-2");
        assertThat(patronymic(ostap)).isNull();

        records.insertAll(List.of(
                rec(ex, "K-3", "Вигаданенко", "Остап", "Петр.", "UA9100001"),
                rec(ex, "K-4", "Вигаданенко", "Остап", "Петрович", "UA9100001"),
                rec(ex, "K-5", "Примірченко", "Зиновій", "Олександрович", "UA9100002")), null);
        CrossReferenceService.Outcome second = crossReference.crossReference(ex);

        assertThat(second.linked()).isEqualTo(3);
        assertThat(second.newPeople()).isZero();
        assertThat(List.of(personOf(ex, "K-3"), personOf(ex, "K-4"))).containsOnly(ostap);
        assertThat(personOf(ex, "K-5")).isEqualTo(zynovii);
        // the fullest of the patronymics its records give; a person who had one keeps it
        assertThat(patronymic(ostap)).isEqualTo("Петрович");
        assertThat(patronymic(zynovii)).isEqualTo("Іванович");
        // nothing left to cross-reference: a third run changes nothing
        assertThat(crossReference.crossReference(ex).linked()).isZero();
    }

    private long personOf(UUID ex, String ref) {
        return jdbc.sql("select l.person_id from source_record s join record_link l on l.record_id = s.id "
                + "where s.exchange_id = ? and s.source_ref = ?")
                .params(ex, ref).query(Long.class).single();
    }

    private String patronymic(long person) {
        return jdbc.sql("select patronymic from person where id = ?").param(person).query(String.class).optional()
                .orElse(null);
    }

    private static SourceRecord rec(UUID ex, String ref, String family, String given, String patronymic, String service) {
        return new SourceRecord(0, ex, SourceKind.MILITARY_RECORDS, ref, Side.BRING_HOME, family, given, patronymic,
                PartialDate.parse("1981-04-17"), service, "MILITARY", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
