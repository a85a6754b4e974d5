package io.firebreak.metrics.model.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period [from, until) is answered: by the fewest rollups that fit inside it — whole years, then whole months,
 * then whole days — and the raw incidents of the at most two partial days at its edges. A ten-year period is answered
 * from at most ten year rollups, 22 month rollups, 60 day rollups and two partial days, whatever the number of
 * incidents. Pure.
 */
public record PeriodCover(List<Range> rollups, List<Raw> raw) {

    /** Rollups of one grain whose periods start in [from, until). */
    public record Range(Grain grain, LocalDate from, LocalDate until) {
    }

    /** A part of a day answered from the incidents themselves. */
    public record Raw(Instant from, Instant until) {
    }

    public static PeriodCover of(Instant from, Instant until) {
        List<Range> rollups = new ArrayList<>();
        List<Raw> raw = new ArrayList<>();
        Instant cursor = from;
        while (cursor.isBefore(until)) {
            LocalDate day = LocalDate.ofInstant(cursor, ZoneOffset.UTC);
            boolean midnight = Grain.utc(day).toInstant().equals(cursor);
            Grain fits = null;
            if (midnight) {
                for (Grain g : new Grain[] {Grain.YEAR, Grain.MONTH, Grain.DAY}) {
                    if (g.startsOn(day) && !Grain.utc(g.next(day)).toInstant().isAfter(until)) {
                        fits = g;
                        break;
                    }
                }
            }
            if (fits == null) {
                Instant end = Grain.utc(day.plusDays(1)).toInstant();
                Instant to = end.isBefore(until) ? end : until;
                raw.add(new Raw(cursor, to));
                cursor = to;
                continue;
            }
            LocalDate next = fits.next(day);
            Range last = rollups.isEmpty() ? null : rollups.get(rollups.size() - 1);
            if (last != null && last.grain() == fits && last.until().equals(day)) {
                rollups.set(rollups.size() - 1, new Range(fits, last.from(), next));
            } else {
                rollups.add(new Range(fits, day, next));
            }
            cursor = Grain.utc(next).toInstant();
        }
        return new PeriodCover(List.copyOf(rollups), List.copyOf(raw));
    }
}
