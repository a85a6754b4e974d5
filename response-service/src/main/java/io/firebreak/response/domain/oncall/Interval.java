package io.firebreak.response.domain.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open time interval [start, end). */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("an interval ends after it starts");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The overlap of two intervals, or null. */
    public Interval intersect(Interval other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? new Interval(s, e) : null;
    }

    /** Sorted, with overlapping and touching intervals joined. */
    public static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty() && !next.start.isAfter(merged.get(merged.size() - 1).end)) {
                Interval last = merged.remove(merged.size() - 1);
                merged.add(new Interval(last.start, next.end.isAfter(last.end) ? next.end : last.end));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** What of {@code within} none of {@code covered} covers. */
    public static List<Interval> uncovered(Interval within, List<Interval> covered) {
        List<Interval> gaps = new ArrayList<>();
        Instant cursor = within.start;
        for (Interval c : union(covered)) {
            Interval part = c.intersect(within);
            if (part == null) {
                continue;
            }
            if (part.start.isAfter(cursor)) {
                gaps.add(new Interval(cursor, part.start));
            }
            if (part.end.isAfter(cursor)) {
                cursor = part.end;
            }
        }
        if (within.end.isAfter(cursor)) {
            gaps.add(new Interval(cursor, within.end));
        }
        return gaps;
    }
}
