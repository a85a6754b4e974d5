package io.firebreak.metrics.model.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period [from, until) is answered: the whole days inside it by the fewest aligned blocks ({@link Blocks}) —
 * at most about 2·log2(days), 24 for ten years, whatever the number of incidents — and the raw incidents of the at
 * most two partial days at its edges. Pure.
 */
public record PeriodCover(List<Block> blocks, List<Raw> raw) {

    /** A rollup block: its level and index. */
    public record Block(int level, long index) {
    }

    /** A part of a day answered from the incidents themselves. */
    public record Raw(Instant from, Instant until) {
    }

    private static Instant midnight(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static PeriodCover of(Instant from, Instant until) {
        List<Raw> raw = new ArrayList<>();
        long firstWhole = LocalDate.ofInstant(from, ZoneOffset.UTC).toEpochDay();
        if (midnight(firstWhole).isBefore(from)) {
            firstWhole++;
        }
        long endWhole = LocalDate.ofInstant(until, ZoneOffset.UTC).toEpochDay(); // the day holding until: whole days end at its midnight
        if (firstWhole >= endWhole) {
            // No whole day inside: one or two partial days.
            Instant cut = midnight(LocalDate.ofInstant(from, ZoneOffset.UTC).toEpochDay() + 1);
            if (cut.isBefore(until)) {
                raw.add(new Raw(from, cut));
                raw.add(new Raw(cut, until));
            } else {
                raw.add(new Raw(from, until));
            }
            return new PeriodCover(List.of(), List.copyOf(raw));
        }
        if (from.isBefore(midnight(firstWhole))) {
            raw.add(new Raw(from, midnight(firstWhole)));
        }
        List<Block> blocks = new ArrayList<>();
        long day = firstWhole;
        while (day < endWhole) {
            int level = 0;
            while (level + 1 < Blocks.LEVELS && Math.floorMod(day, 1L << (level + 1)) == 0 && day + (1L << (level + 1)) <= endWhole) {
                level++;
            }
            blocks.add(new Block(level, Blocks.index(day, level)));
            day += 1L << level;
        }
        if (midnight(endWhole).isBefore(until)) {
            raw.add(new Raw(midnight(endWhole), until));
        }
        return new PeriodCover(List.copyOf(blocks), List.copyOf(raw));
    }
}
