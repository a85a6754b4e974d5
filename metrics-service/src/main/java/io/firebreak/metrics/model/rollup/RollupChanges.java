package io.firebreak.metrics.model.rollup;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rollup changes of one transaction: for each incident whose contribution changed, its old contribution
 * subtracted from and its new one added to the rows of its service, its priority and all incidents, at every block
 * level holding its declaration day — combined per row and written once, in {@link RollupKey} order. Pure.
 */
public final class RollupChanges {

    private final TreeMap<RollupKey, RollupCell> cells = new TreeMap<>();

    /** Records an incident's change from {@code before} to {@code after} (either may be null: not declared). */
    public void change(Contribution before, Contribution after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            add(before, -1);
        }
        if (after != null) {
            add(after, 1);
        }
    }

    private void add(Contribution c, int sign) {
        long day = Blocks.day(c.day());
        for (int level = 0; level < Blocks.LEVELS; level++) {
            long block = Blocks.index(day, level);
            cells.computeIfAbsent(new RollupKey(RollupKey.SERVICE, c.service(), level, block), k -> new RollupCell()).apply(c, sign);
            cells.computeIfAbsent(new RollupKey(RollupKey.PRIORITY, c.priority(), level, block), k -> new RollupCell()).apply(c, sign);
            cells.computeIfAbsent(new RollupKey(RollupKey.ALL, "", level, block), k -> new RollupCell()).apply(c, sign);
        }
    }

    /** The rows that change, in lock order (a change that cancels out is left out). */
    public Map<RollupKey, RollupCell> nonZero() {
        TreeMap<RollupKey, RollupCell> out = new TreeMap<>();
        cells.forEach((k, c) -> {
            if (!c.isZero()) {
                out.put(k, c);
            }
        });
        return out;
    }

    public boolean isEmpty() {
        return nonZero().isEmpty();
    }
}
