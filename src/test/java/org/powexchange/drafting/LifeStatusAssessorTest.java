package org.powexchange.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;
import org.powexchange.people.matching.PartialDate;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.Side;

/** Life status from the evidence and its age, with the default limits (registration 365 days, photo/letter 180). */
@UnitTest
class LifeStatusAssessorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    private final LifeStatusAssessor assessor = new LifeStatusAssessor(Duration.ofDays(365), Duration.ofDays(180));

    /** Evidence written as TYPE@age-in-days, several separated by spaces; "-" for none. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(textBlock = """
            # side,       evidence,                                   status,          basis mentions
            BRING_HOME,   DNA_REMAINS_MATCH@400,                      DECEASED,        DNA match to remains
            BRING_HOME,   NEUTRAL_REGISTRATION@10 DNA_REMAINS_MATCH@900, DECEASED,     DNA match to remains
            BRING_HOME,   NEUTRAL_REGISTRATION@365,                   CONFIRMED_ALIVE, neutral-party registration
            BRING_HOME,   NEUTRAL_REGISTRATION@366,                   UNCONFIRMED,     does not confirm life
            BRING_HOME,   PHOTO_VIDEO@180,                            CONFIRMED_ALIVE, photo or video
            BRING_HOME,   PHOTO_VIDEO@181,                            UNCONFIRMED,     does not confirm life
            BRING_HOME,   LETTER@30,                                  CONFIRMED_ALIVE, letter
            BRING_HOME,   INTERCEPT@1,                                UNCONFIRMED,     intercepted communication
            BRING_HOME,   INTERCEPT@1 LETTER@100,                     CONFIRMED_ALIVE, letter
            BRING_HOME,   LETTER@300 NEUTRAL_REGISTRATION@200,        CONFIRMED_ALIVE, neutral-party registration
            BRING_HOME,   -,                                          UNCONFIRMED,     no evidence of life
            RELEASE,      -,                                          CONFIRMED_ALIVE, held by us
            RELEASE,      DNA_REMAINS_MATCH@5,                        DECEASED,        DNA match to remains
            """)
    void statusFromTheEvidence(Side side, String evidence, LifeStatus status, String basis) {
        List<SourceRecord> records = new ArrayList<>();
        if (!evidence.equals("-")) {
            Arrays.stream(evidence.split(" ")).forEach(e -> {
                String[] p = e.split("@");
                records.add(record(side, p[0], TODAY.minusDays(Long.parseLong(p[1])), null));
            });
        }
        LifeStatusAssessor.Assessment a = assessor.assess(side, records, TODAY);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.basis()).contains(basis);
        // what would confirm them is said exactly when life is not confirmed and not disproved
        assertThat(a.wouldConfirm()).isEqualTo(status == LifeStatus.UNCONFIRMED ? LifeStatusAssessor.WOULD_CONFIRM : null);
    }

    @Test
    void theBasisNamesTheRecordAndTheEvidenceAge() {
        LifeStatusAssessor.Assessment a = assessor.assess(Side.BRING_HOME,
                List.of(record(Side.BRING_HOME, "LETTER", TODAY.minusDays(30), null)), TODAY);
        assertThat(a.basis()).isEqualTo("letter of 2026-10-02 (30 days old) [INT:R-1]");
    }

    @Test
    void aDeclaredStatusCountsOnlyWithoutConfirmingEvidence() {
        SourceRecord declaredUnconfirmed = record(Side.BRING_HOME, null, null, "UNCONFIRMED");
        SourceRecord declaredAlive = record(Side.BRING_HOME, null, null, "CONFIRMED_ALIVE");
        SourceRecord recentLetter = record(Side.BRING_HOME, "LETTER", TODAY.minusDays(3), null);

        LifeStatusAssessor.Assessment a = assessor.assess(Side.BRING_HOME, List.of(declaredUnconfirmed), TODAY);
        assertThat(a.status()).isEqualTo(LifeStatus.UNCONFIRMED);
        assertThat(a.basis()).startsWith("declared in candidate record");
        assertThat(a.wouldConfirm()).isEqualTo(LifeStatusAssessor.WOULD_CONFIRM);

        a = assessor.assess(Side.BRING_HOME, List.of(declaredAlive), TODAY);
        assertThat(a.status()).isEqualTo(LifeStatus.CONFIRMED_ALIVE);
        assertThat(a.wouldConfirm()).isNull();

        a = assessor.assess(Side.BRING_HOME, List.of(declaredUnconfirmed, recentLetter), TODAY);
        assertThat(a.status()).isEqualTo(LifeStatus.CONFIRMED_ALIVE);
        assertThat(a.basis()).startsWith("letter");
    }

    @Test
    void theLimitsAreConfigurable() {
        LifeStatusAssessor strict = new LifeStatusAssessor(Duration.ofDays(30), Duration.ofDays(7));
        assertThat(strict.assess(Side.BRING_HOME,
                List.of(record(Side.BRING_HOME, "NEUTRAL_REGISTRATION", TODAY.minusDays(31), null)), TODAY).status())
                .isEqualTo(LifeStatus.UNCONFIRMED);
        assertThat(strict.assess(Side.BRING_HOME,
                List.of(record(Side.BRING_HOME, "PHOTO_VIDEO", TODAY.minusDays(7), null)), TODAY).status())
                .isEqualTo(LifeStatus.CONFIRMED_ALIVE);
    }

    private static SourceRecord record(Side side, String evidenceType, LocalDate evidenceDate, String declared) {
        return new SourceRecord(1, UUID.randomUUID(), declared == null ? SourceKind.INTELLIGENCE : SourceKind.CANDIDATES,
                "R-1", side, "Testenko", "Ivan", null, PartialDate.UNKNOWN, null, "MILITARY", null, null, null, null, null,
                evidenceType, evidenceDate, null, false, declared, null, null, null, null, null, null);
    }
}
