package io.firebreak.classification.domain.intake;

import io.firebreak.events.SignalReceived;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a batch of signals, kept in order, into segments that can each be grouped in memory and written in one
 * flush: a new segment starts at a trigger of an alert that an earlier signal of the current segment resolved,
 * because its new group may only be inserted after the resolved one is written (one open group per alert), and
 * Hibernate writes inserts before updates within a flush.
 */
public final class SignalSegments {

    private SignalSegments() {
    }

    /** Identity of an alert: its service and dedup key. */
    public record AlertKey(String service, String dedupKey) {
        public static AlertKey of(SignalReceived s) {
            return new AlertKey(s.businessService(), s.dedupKey());
        }
    }

    public static List<List<AcceptedSignal>> split(List<AcceptedSignal> batch) {
        List<List<AcceptedSignal>> segments = new ArrayList<>();
        List<AcceptedSignal> current = new ArrayList<>();
        Set<AlertKey> resolved = new HashSet<>();
        for (AcceptedSignal a : batch) {
            AlertKey key = AlertKey.of(a.signal());
            if ("trigger".equals(a.signal().action()) && resolved.contains(key)) {
                segments.add(current);
                current = new ArrayList<>();
                resolved.clear();
            }
            if ("resolve".equals(a.signal().action())) {
                resolved.add(key);
            }
            current.add(a);
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }
}
