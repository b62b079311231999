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
import org.powexchange.exchange.Parity;
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

    /** person id → the phase the review deferred them to (what {@code deferredToPhase} answers) */
    private final Map<Long, Integer> deferrals = new java.util.HashMap<>();

    {
        when(entries.deferredToPhase(EX)).thenReturn(deferrals);
    }

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
            # art. 109 people ranked after the last counted place are scheduled all the same
            1             | PWPW                        | 1 1 - 1
            1             | PPPW                        | 1 - - 1
            2,1           | PPPPWW                      | 1 1 2 - 1 1
            1,1           | PPPPPWPW                    | 1 2 - - - 1 - 1
            # a digit after a person: deferred in review to that phase; never earlier, rank order otherwise
            1,1           | P2PP                        | 2 1 -
            2,2           | P2P3PPP                     | 2 - 1 1 2
            1,1           | W2PP                        | 2 1 2
            1             | W2PP                        | 1 1 -
            1,1           | PPPW2                       | 1 2 - 2
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
                Integer deferred = deferrals.get(r.person().id());
                if (w != null && deferred != null && !r.person().seriouslyWoundedSick()) {
                    assertThat(Integer.parseInt(w.substring(0, w.indexOf(':')))).as("entry %d deferred", r.entry().id())
                            .isGreaterThanOrEqualTo(deferred);
                }
                got.add(w == null ? "-" : w.substring(0, w.indexOf(':')));
                if (w != null) {
                    assertThat(w).as("entry %d", r.entry().id()).startsWith(w.substring(0, w.indexOf(':')) + ":SCHEDULED");
                    assertThat(w.endsWith("outside parity")).isEqualTo(r.person().seriouslyWoundedSick());
                }
            }
            assertThat(String.join(" ", got)).isEqualTo(phasesOfEach);
        }
    }

    /**
     * When deferrals leave one side with fewer people allowed in a phase, the phase takes as many counted
     * people from each side (parity per phase, counted by {@code Parity}); the others wait for a later phase.
     */
    @ParameterizedTest(name = "sizes {0}: home {1}, release {2} -> {3} / {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # sizes | bring home | release | phase of each at home | phase of each released
            2,1     | P2PP       | PPP     | 2 1 1                 | 1 1 2
            2,2     | P2P2P2P    | PPPP    | 2 2 - 1               | 1 2 2 -
            2,2     | P2P2P2PW   | PPPPW3  | 2 2 - 1 1             | 1 2 2 - 2
            1,1     | P2         | PPW     | 2                     | 2 - 1
            """)
    void keepsParityInEachPhaseWhenDeferralsDiffer(String sizes, String home, String release, String homePhases,
                                                   String releasePhases) {
        List<Integer> phaseSizes = java.util.Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
        ratified(phaseSizes);
        List<ListEntryRepository.Row> h = rows(Side.BRING_HOME, home, 100);
        List<ListEntryRepository.Row> r = rows(Side.RELEASE, release, 200);
        when(entries.rows(EX, Side.BRING_HOME, EntryStatus.VERIFIED)).thenReturn(h);
        when(entries.rows(EX, Side.RELEASE, EntryStatus.VERIFIED)).thenReturn(r);
        recordUpdates();

        planner.plan(EX);

        assertThat(phasesOf(h)).isEqualTo(homePhases);
        assertThat(phasesOf(r)).isEqualTo(releasePhases);
        List<ListEntryRepository.Row> all = new ArrayList<>(h);
        all.addAll(r);
        for (int k = 1; k <= phaseSizes.size(); k++) {
            String phase = String.valueOf(k);
            Parity.Tally t = Parity.tally(all, row -> written.containsKey(row.entry().id())
                    && written.get(row.entry().id()).startsWith(phase + ":"));
            assertThat(t.holds()).as("parity in phase %d: %s", k, t).isTrue();
            assertThat(t.release()).isLessThanOrEqualTo(phaseSizes.get(k - 1));
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

    private String phasesOf(List<ListEntryRepository.Row> side) {
        List<String> got = new ArrayList<>();
        for (ListEntryRepository.Row r : side) {
            String w = written.get(r.entry().id());
            got.add(w == null ? "-" : w.substring(0, w.indexOf(':')));
        }
        return String.join(" ", got);
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

    /** People as letters (W art. 109, P anyone else), each optionally followed by the phase deferred to. */
    private List<ListEntryRepository.Row> rows(Side side, String people, long firstId) {
        List<ListEntryRepository.Row> out = new ArrayList<>();
        for (int c = 0, i = 0; c < people.length(); c++, i++) {
            long id = firstId + i;
            boolean wounded = people.charAt(c) == 'W';
            if (c + 1 < people.length() && Character.isDigit(people.charAt(c + 1))) {
                deferrals.put(id, people.charAt(++c) - '0');
            }
            Person p = new Person(id, EX, side, "X-" + id, "Testenko", "Ivan" + i, null, null, null, Category.MILITARY,
                    wounded, LifeStatus.CONFIRMED_ALIVE, null, i + 1);
            out.add(new ListEntryRepository.Row(new ListEntry(id, EX, id, side, i + 1, null, EntryStatus.VERIFIED, null), p));
        }
        return out;
    }
}
