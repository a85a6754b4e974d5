package io.firebreak.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When post-mortems fall due (default 72 h after resolution), which incidents get one (P1 and P2, never a drill), and
 * the calendar quarters the completion review is held for ({@code 2026-Q4} = [2026-10-01, 2027-01-01) UTC). Pure.
 */
public final class PostmortemDueDates {

    public static final Duration DEFAULT_DUE_AFTER = Duration.ofHours(72);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private PostmortemDueDates() {
    }

    public static boolean needsPostmortem(String priority, boolean drill) {
        return !drill && ("P1".equals(priority) || "P2".equals(priority));
    }

    public static Instant due(Instant resolvedAt, Duration dueAfter) {
        return resolvedAt.plus(dueAfter);
    }

    /** A calendar quarter as a half-open UTC range. */
    public record Quarter(int year, int number) {

        public Instant start() {
            return LocalDate.of(year, 3 * (number - 1) + 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
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
}
