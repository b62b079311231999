package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;

/** The handover's clock settings: defaults, and the warning never later than the deadline. */
@UnitTest
class HandoverPropertiesTest {

    @Test
    void defaultsAreTheAgreementsUsualTimes() {
        HandoverProperties p = new HandoverProperties(null, null, null, null);
        assertThat(p.firstPhaseDue()).isEqualTo(Duration.ofHours(48));
        assertThat(p.phaseInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(p.deadlineWarning()).isEqualTo(Duration.ofHours(36));
        assertThat(p.shortfallPolicy()).isEqualTo(HandoverProperties.ShortfallPolicy.HOLD_BACK);
    }

    @ParameterizedTest(name = "due {0}, warned {1} -> lead {2}")
    @CsvSource(textBlock = """
            PT48H, PT36H, PT12H
            PT48H, PT48H, PT0S
            PT5S,  PT2S,  PT3S
            """)
    void laterPhasesAreWarnedTheSameTimeAheadOfTheirDeadline(Duration due, Duration warning, Duration lead) {
        assertThat(new HandoverProperties(due, null, warning, null).warningLead()).isEqualTo(lead);
    }

    @Test
    void aWarningAfterTheDeadlineIsRefused() {
        assertThatThrownBy(() -> new HandoverProperties(Duration.ofHours(24), null, Duration.ofHours(36), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline-warning");
    }
}
