package io.firebreak.metrics.model.rollup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The periods rollups are kept for, in UTC: a day, a month, a year. */
public enum Grain {
    DAY("D"), MONTH("M"), YEAR("Y");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    /** The stored one-letter code. */
    public String code() {
        return code;
    }

    public static Grain of(String code) {
        for (Grain g : values()) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no grain " + code);
    }

    /** The first day of the period of this grain that holds {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day after the period that starts on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    boolean startsOn(LocalDate day) {
        return start(day).equals(day);
    }

    static ZonedDateTime utc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC);
    }
}
