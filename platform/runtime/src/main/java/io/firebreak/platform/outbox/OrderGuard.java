package io.firebreak.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps per-key order when several relays claim with SKIP LOCKED. A claimed row may be published
 * only if every older unpublished row of its key is claimed by this relay too: otherwise another
 * relay holds it, or it waits for a retry, and publishing the newer row first would reorder the key.
 */
final class OrderGuard {

    private OrderGuard() {
    }

    /**
     * @param claimed         rows this relay locked, in seq order
     * @param unsentByKey     every unsent row's seq per key of the claimed rows, ascending
     * @return the claimed rows that may be published now, in seq order
     */
    static List<OutboxRow> publishable(List<OutboxRow> claimed, Map<String, List<Long>> unsentByKey) {
        Set<Long> mine = new HashSet<>();
        claimed.forEach(r -> mine.add(r.seq()));
        Map<String, Long> firstBlocked = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : unsentByKey.entrySet()) {
            long blocked = Long.MAX_VALUE;
            for (Long seq : e.getValue()) {
                if (!mine.contains(seq)) {
                    blocked = seq;
                    break;
                }
            }
            firstBlocked.put(e.getKey(), blocked);
        }
        List<OutboxRow> result = new ArrayList<>();
        for (OutboxRow row : claimed) {
            if (row.seq() < firstBlocked.getOrDefault(row.partitionKey(), Long.MAX_VALUE)) {
                result.add(row);
            }
        }
        return result;
    }
}
