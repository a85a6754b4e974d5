package io.firebreak.metrics.model.rollup;

import java.time.LocalDate;
import java.util.Comparator;

/** One rollup row: a grain's period (by its first day), a business service and a priority. */
public record RollupKey(Grain grain, LocalDate start, String service, String priority) implements Comparable<RollupKey> {

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::grain).thenComparing(RollupKey::start)
            .thenComparing(RollupKey::service).thenComparing(RollupKey::priority);

    /** Every writer locks rollup rows in this order, so two folds never wait on each other's rows. */
    @Override
    public int compareTo(RollupKey o) {
        return ORDER.compare(this, o);
    }
}
