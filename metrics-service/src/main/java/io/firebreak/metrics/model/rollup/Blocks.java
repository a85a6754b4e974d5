package io.firebreak.metrics.model.rollup;

import java.time.LocalDate;

/**
 * Rollup periods as aligned blocks of days (UTC, counted from 1970-01-01): a block of level {@code k} holds the
 * 2^k days from {@code index·2^k}. Every day is in one block of each level, so an incident's contribution is kept in
 * {@link #LEVELS} rows per dimension, and any run of whole days is the union of at most about 2·log2(days) blocks —
 * a ten-year period of at most 24. Pure.
 */
public final class Blocks {

    /** Levels 0 (a day) to 15 (2^15 days, about 90 years). */
    public static final int LEVELS = 16;

    private Blocks() {
    }

    public static long day(LocalDate date) {
        return date.toEpochDay();
    }

    /** The block of {@code level} holding the day. */
    public static long index(long day, int level) {
        return Math.floorDiv(day, 1L << level);
    }

    public static long firstDay(int level, long index) {
        return index << level;
    }
}
