package io.firebreak.response.model.oncall;

/**
 * How long one participant's turn lasts, counted in wall-clock units of the schedule's time zone: a
 * daily rotation hands off at the same local time every day, so a turn across a DST change lasts 23 or
 * 25 hours — what people on call expect, and what PagerDuty and Opsgenie do.
 */
public record RotationLength(Unit unit, int amount) {

    public enum Unit { HOURS, DAYS }

    public RotationLength {
        if (unit == null) {
            throw new IllegalArgumentException("a rotation length needs a unit (HOURS or DAYS)");
        }
        if (amount < 1 || (unit == Unit.HOURS && amount > 24 * 366) || (unit == Unit.DAYS && amount > 366)) {
            throw new IllegalArgumentException("a rotation length is between 1 hour and 366 days");
        }
    }

    public static RotationLength daily() {
        return new RotationLength(Unit.DAYS, 1);
    }

    public static RotationLength weekly() {
        return new RotationLength(Unit.DAYS, 7);
    }

    public static RotationLength hours(int hours) {
        return new RotationLength(Unit.HOURS, hours);
    }
}
