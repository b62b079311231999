package org.powexchange.exchange;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An exchange agreement under a parity formula, carried out in phases. */
public record Exchange(UUID id, String agreementRef, String title, int formulaSize, List<Integer> phaseSizes,
                       String status, String processInstanceId, OffsetDateTime ratifiedAt, String ratificationDoc,
                       OffsetDateTime createdAt, String createdBy, OffsetDateTime completedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";

    static String encode(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    static List<Integer> decode(String sizes) {
        return Arrays.stream(sizes.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
