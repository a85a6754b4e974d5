package io.firebreak.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter as a half-open UTC range ({@code 2026-Q4}), the period of quarterly reviews and reports. */
public record Quarter(int year, int number) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public YearMonth firstMonth() {
        return YearMonth.of(year, 3 * (number - 1) + 1);
    }

    public List<YearMonth> months() {
        return List.of(firstMonth(), firstMonth().plusMonths(1), firstMonth().plusMonths(2));
    }

    public Instant start() {
        return firstMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant end() {
        return next().start();
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }

    /** {@code 2026-Q4}; null when the text is not a quarter. */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : QUARTER.matcher(text.strip());
        return m == null || !m.matches() ? null : new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(Instant at) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new Quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
    }
}
