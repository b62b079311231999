package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powexchange.UnitTest;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.PhaseRepository;
import org.powexchange.people.Category;
import org.powexchange.people.EntryStatus;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.ListEntry;
import org.powexchange.people.ListEntryRepository;
import org.powexchange.people.Person;
import org.powexchange.people.Side;

/**
 * The phase plan: the verified lists in rank order split by the agreement's phase sizes; every
 * art. 109 person in phase 1 outside the count; whoever is beyond the agreed numbers stays verified.
 * Repositories are mocked: the plan is what {@code PhasePlanner} asks them to write.
 */
@UnitTest
class PhasePlannerTest {

    static final UUID EX = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final OffsetDateTime SIGNED = OffsetDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZoneOffset.UTC);

    private final ExchangeRepository exchanges = mock(ExchangeRepository.class);
    private final PhaseRepository phases = mock(PhaseRepository.class);
    private final ListEntryRepository entries = mock(ListEntryRepository.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final PhasePlanner planner = new PhasePlanner(exchanges, phases, entries,
            new HandoverProperties(Duration.ofHours(48), Duration.ofDays(1), Duration.ofHours(36), null), audit);

    /** entry id → "phase:status[:reason]" as written by the planner */
    private final Map<Long, String> written = new LinkedHashMap<>();

    /**
     * Each side's verified people in rank order, written as W (art. 109) or P (anyone else); the result
     * is each person's phase in the same order ("-" = not scheduled).
     */
    @ParameterizedTest(name = "sizes {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # phase sizes | verified people, rank order | phase of each
            2,2,2         | PPPPPP                      | 1 1 2 2 3 3
            2,2           | PPPPPPP                     | 1 1 2 2 - - -
            3,1           | PP                          | 1 1
            2,1           | PWPWP                       | 1 1 1 1 2
            1,1           | WWPP                        | 1 1 1 2
            1             | WWPP                        | 1 1 1 -
            """)
    void splitsTheVerifiedListsByPhaseSize(String sizes, String people, String phasesOfEach) {
        List<Integer> phaseSizes = java.util.Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
        ratified(phaseSizes);
        List<ListEntryRepository.Row> home = rows(Side.BRING_HOME, people, 100);
        List<ListEntryRepository.Row> release = rows(Side.RELEASE, people, 200);
        when(entries.rows(EX, Side.BRING_HOME, EntryStatus.VERIFIED)).thenReturn(home);
        when(entries.rows(EX, Side.RELEASE, EntryStatus.VERIFIED)).thenReturn(release);
        recordUpdates();

        assertThat(planner.plan(EX)).isEqualTo(phaseSizes.size());

        for (List<ListEntryRepository.Row> side : List.of(home, release)) {
            List<String> got = new ArrayList<>();
            for (ListEntryRepository.Row r : side) {
                String w = written.get(r.entry().id());
                got.add(w == null ? "-" : w.substring(0, w.indexOf(':')));
                if (w != null) {
                    assertThat(w).as("entry %d", r.entry().id()).startsWith(w.substring(0, w.indexOf(':')) + ":SCHEDULED");
                    assertThat(w.endsWith("outside parity")).isEqualTo(r.person().seriouslyWoundedSick());
                }
            }
            assertThat(String.join(" ", got)).isEqualTo(phasesOfEach);
        }
    }

    @Test
    void phasesAreDueFromTheSignatureAtTheInterval() {
        ratified(List.of(390, 307, 303));
        when(entries.rows(any(), any(), any())).thenReturn(List.of());

        planner.plan(EX);

        verify(phases).deleteAll(EX);
        verify(phases).insert(EX, 1, 390, SIGNED.plusHours(48));
        verify(phases).insert(EX, 2, 307, SIGNED.plusHours(48).plusDays(1));
        verify(phases).insert(EX, 3, 303, SIGNED.plusHours(48).plusDays(2));
        verify(audit).record(eq(EX), eq("system"), eq("PHASES_PLANNED"), eq("3 phases"), any());
    }

    @Test
    void nothingIsScheduledBeforeRatification() {
        when(exchanges.find(EX)).thenReturn(Optional.of(exchange(List.of(1), null)));

        assertThatThrownBy(() -> planner.plan(EX)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not ratified");
        verify(phases, never()).insert(any(), anyInt(), anyInt(), any());
        verify(entries, never()).update(anyLong(), any(), any(), any(), any());
    }

    private void ratified(List<Integer> sizes) {
        when(exchanges.find(EX)).thenReturn(Optional.of(exchange(sizes, SIGNED)));
    }

    private void recordUpdates() {
        doAnswer(inv -> {
            String reason = inv.getArgument(4);
            written.put(inv.getArgument(0), inv.getArgument(2) + ":" + inv.getArgument(3)
                    + (reason == null ? "" : ":" + reason));
            return null;
        }).when(entries).update(anyLong(), any(), any(), any(), any());
    }

    private static Exchange exchange(List<Integer> sizes, OffsetDateTime ratifiedAt) {
        int formula = sizes.stream().mapToInt(Integer::intValue).sum();
        return new Exchange(EX, "PLAN-1", "plan", formula, sizes, Exchange.ACTIVE, "pi-1", ratifiedAt,
                ratifiedAt == null ? null : "RAT-1", SIGNED.minusDays(3), "staff", null);
    }

    private static List<ListEntryRepository.Row> rows(Side side, String people, long firstId) {
        List<ListEntryRepository.Row> out = new ArrayList<>();
        for (int i = 0; i < people.length(); i++) {
            long id = firstId + i;
            boolean wounded = people.charAt(i) == 'W';
            Person p = new Person(id, EX, side, "X-" + id, "Testenko", "Ivan" + i, null, null, Category.MILITARY,
                    wounded, LifeStatus.CONFIRMED_ALIVE, null, i + 1);
            out.add(new ListEntryRepository.Row(new ListEntry(id, EX, id, side, i + 1, null, EntryStatus.VERIFIED, null), p));
        }
        return out;
    }
}
