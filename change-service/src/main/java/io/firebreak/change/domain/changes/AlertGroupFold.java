package io.firebreak.change.domain.changes;

import io.firebreak.events.SignalReceived;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one polled batch of alert signals does to each alert group, folded so that each group is written once per
 * batch rather than once per signal: in a storm most signals repeat a few groups, and one upsert each cost change-service
 * more CPU than any other consumer of the end-to-end latency run (docs/performance.md). The fold gives the same row as
 * applying the signals one by one in order (first trigger kept, latest trigger and resolve kept, the first summary).
 */
public final class AlertGroupFold {

    /**
     * One group's effect. On insert: {@code firstAt}, the latest trigger and resolve (null when none), {@code insertSummary}.
     * On an existing row: only what triggers and resolves change — {@code earliestTrigger} and {@code triggerSummary} are
     * null when the batch has no trigger for the group.
     */
    public record Effect(String service, String dedupKey, Instant firstAt, Instant earliestTrigger, Instant latestTrigger,
                         Instant latestResolve, String insertSummary, String triggerSummary) {
    }

    private AlertGroupFold() {
    }

    /** The signals in record order; those that are neither trigger nor resolve, or name no group, change nothing. */
    public static List<Effect> fold(List<SignalReceived> signals) {
        Map<String, Effect> byGroup = new LinkedHashMap<>();
        for (SignalReceived s : signals) {
            boolean trigger = "trigger".equals(s.action());
            if (!trigger && !"resolve".equals(s.action()) || s.businessService() == null || s.dedupKey() == null) {
                continue;
            }
            Instant at = (s.timestamp() != null ? s.timestamp() : s.receivedAt()).truncatedTo(ChronoUnit.MICROS);
            String summary = s.summary() == null ? null : s.summary().length() > 500 ? s.summary().substring(0, 500) : s.summary();
            String key = s.businessService() + "\u0000" + s.dedupKey();
            Effect e = byGroup.get(key);
            if (e == null) {
                e = new Effect(s.businessService(), s.dedupKey(), at, null, null, null, summary, null);
            }
            if (trigger) {
                e = new Effect(e.service(), e.dedupKey(), min(e.firstAt(), at), min(e.earliestTrigger(), at), max(e.latestTrigger(), at),
                        e.latestResolve(), e.insertSummary() != null ? e.insertSummary() : summary,
                        e.triggerSummary() != null ? e.triggerSummary() : summary);
            } else {
                e = new Effect(e.service(), e.dedupKey(), e.firstAt(), e.earliestTrigger(), e.latestTrigger(), max(e.latestResolve(), at),
                        e.insertSummary(), e.triggerSummary());
            }
            byGroup.put(key, e);
        }
        return new ArrayList<>(byGroup.values());
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b.isAfter(a) ? b : a;
    }
}
