package io.firebreak.response.model.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A layer is on call only inside its restrictions (when it has any): on the given days, from {@code from}
 * to {@code to} local time. A window whose end is not after its start runs past midnight into the next
 * day (22:00–06:00 on Monday covers Monday night); 00:00–00:00 is the whole day.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public Restriction {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a restriction names at least one day");
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("a restriction names its start and end time");
        }
        days = Set.copyOf(days);
    }

    /** Monday to Friday, {@code from}–{@code to}. */
    public static Restriction weekdays(LocalTime from, LocalTime to) {
        return new Restriction(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), from, to);
    }

    public boolean wrapsMidnight() {
        return !to.isAfter(from);
    }
}
