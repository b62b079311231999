package org.powexchange.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powexchange.AlsoOnPostgres;

/** A phase of 400 per side confirmed through the bulk API in one call; the parity check reads right. */
@AlsoOnPostgres
class BulkHandoverTest extends HandoverTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void fourHundredPeopleOfOnePhaseAreConfirmedInOneCall() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            records.add(home(i, false));
            records.add(release(i, false));
        }
        String ex = toRatification("HANDOVER-BULK-400", List.of(400), records);
        ratifyViaApi(ex);
        d.readyAndGo(ex);
        List<Long> in = scheduled(ex, 1, "BRING_HOME");
        List<Long> out = scheduled(ex, 1, "RELEASE");
        assertThat(in).hasSize(400);
        assertThat(out).hasSize(400);

        Map<String, Object> r = d.crossing(ex, 1, in, out);

        assertThat(r).containsEntry("confirmed", 800);
        assertThat((Map<String, Object>) r.get("parity")).containsEntry("received", 400).containsEntry("handedOver", 400)
                .containsEntry("art109", 0).containsEntry("holds", true);
        assertThat((List<?>) r.get("discrepancies")).isEmpty();
        assertThat(phase(ex, 1)).containsEntry("parityHolds", true).containsEntry("received", 400);
        assertThat(people(ex)).filteredOn(p -> "REPATRIATED".equals(p.get("status"))).hasSize(400);
        assertThat(people(ex)).filteredOn(p -> "HANDED_OVER".equals(p.get("status"))).hasSize(400);
    }
}
