package io.firebreak.response.domain.bridge;

import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The bridge's update rhythm as plain rules: the default cadence per priority and when the next checkpoint may be. */
public final class BridgeCadence {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 1_440;

    private BridgeCadence() {
    }

    /** P1 every 30 minutes, P2 every 60, lower priorities every 4 hours. */
    public static int defaultMinutes(Priority priority) {
        return switch (priority) {
            case P1 -> 30;
            case P2 -> 60;
            case P3, P4 -> 240;
        };
    }

    /**
     * The next checkpoint of an update given at {@code now}: the one asked for, which must lie ahead and
     * no later than one cadence away (the cadence is the promise), or else exactly one cadence away.
     */
    public static Instant nextCheckpoint(Instant now, int cadenceMinutes, Instant asked, List<Violation> violations) {
        Instant latest = now.plus(Duration.ofMinutes(cadenceMinutes));
        if (asked == null) {
            return latest;
        }
        if (!asked.isAfter(now)) {
            violations.add(new Violation("nextCheckpointAt", "must lie ahead"));
        } else if (asked.isAfter(latest)) {
            violations.add(new Violation("nextCheckpointAt", "at most " + cadenceMinutes + " minutes ahead (the cadence); change the cadence to space updates out"));
        }
        return asked;
    }

    public static void checkCadence(Integer minutes, List<Violation> violations) {
        if (minutes != null && (minutes < MIN_MINUTES || minutes > MAX_MINUTES)) {
            violations.add(new Violation("cadenceMinutes", "between " + MIN_MINUTES + " and " + MAX_MINUTES));
        }
    }
}
