package io.firebreak.metrics.model.rollup;

import java.util.Comparator;

/**
 * One rollup row: a dimension and its value — {@code S} a business service, {@code P} a priority, {@code A} all
 * incidents ({@code ""}) — and a block of days.
 */
public record RollupKey(String dimension, String value, int level, long block) implements Comparable<RollupKey> {

    public static final String SERVICE = "S";
    public static final String PRIORITY = "P";
    public static final String ALL = "A";

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::dimension).thenComparingInt(RollupKey::level)
            .thenComparingLong(RollupKey::block).thenComparing(RollupKey::value);

    /** Every writer locks rollup rows in this order (the primary key's), so two folds never wait on each other's rows. */
    @Override
    public int compareTo(RollupKey o) {
        return ORDER.compare(this, o);
    }
}
