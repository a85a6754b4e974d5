package io.firebreak.response.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.Restriction;
import io.firebreak.response.model.oncall.RotationLength;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RotationsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant t(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Layer daily(String start, String... people) {
        return new Layer("primary", LocalDateTime.parse(start), null, RotationLength.daily(), List.of(people), List.of());
    }

    static Stream<Arguments> whoIsOnCall() {
        Layer berlinDaily = daily("2026-03-01T09:00", "ana", "ben", "cem");
        // Each DST layer starts the day before the change: ana that day, the next participant on the change day.
        Layer berlinSpring = daily("2026-03-28T09:00", "ana", "ben");
        Layer berlinAutumn = daily("2026-10-24T09:00", "ana", "ben");
        Layer nySpring = daily("2026-03-07T09:00", "ana", "ben");
        Layer nyAutumn = daily("2026-10-31T09:00", "ana", "ben");
        Layer nyNightly = daily("2026-10-31T01:30", "ana", "ben");
        Layer weekly = new Layer("weekly", LocalDateTime.parse("2026-01-05T10:00"), null, RotationLength.weekly(),
                List.of("ana", "ben"), List.of());
        Layer twelveHours = new Layer("12h", LocalDateTime.parse("2026-03-28T20:00"), null, RotationLength.hours(12),
                List.of("ana", "ben"), List.of());
        return Stream.of(
                // layer, zone, moment, expected person — and why
                Arguments.of(berlinDaily, BERLIN, "2026-03-01T09:00+01:00", "ana", "the first turn starts at the layer's start"),
                Arguments.of(berlinDaily, BERLIN, "2026-03-01T08:59+01:00", null, "nobody before the layer starts"),
                Arguments.of(berlinDaily, BERLIN, "2026-03-02T08:59+01:00", "ana", "a daily turn lasts until the next hand-off"),
                Arguments.of(berlinDaily, BERLIN, "2026-03-02T09:00+01:00", "ben", "the next participant takes over"),
                Arguments.of(berlinDaily, BERLIN, "2026-03-04T09:00+01:00", "ana", "the order wraps around"),
                // Berlin springs forward on 2026-03-29 at 02:00 (CET+1 → CEST+2): hand-off stays at 09:00 local.
                Arguments.of(berlinSpring, BERLIN, "2026-03-29T08:59+02:00", "ana", "before the hand-off on the short day"),
                Arguments.of(berlinSpring, BERLIN, "2026-03-29T09:00+02:00", "ben", "hand-off at 09:00 summer time"),
                Arguments.of(berlinSpring, BERLIN, "2026-03-29T08:00+01:00", "ben", "08:00 CET is 09:00 CEST, already handed off"),
                // Berlin falls back on 2026-10-25 at 03:00 (CEST → CET).
                Arguments.of(berlinAutumn, BERLIN, "2026-10-25T09:00+01:00", "ben", "hand-off at 09:00 winter time"),
                Arguments.of(berlinAutumn, BERLIN, "2026-10-25T09:00+02:00", "ana", "09:00 CEST that day is 08:00 CET: not yet"),
                // New York springs forward on 2026-03-08 at 02:00 (EST-5 → EDT-4) and falls back on 2026-11-01 at 02:00.
                Arguments.of(nySpring, NEW_YORK, "2026-03-08T09:00-04:00", "ben", "hand-off at 09:00 EDT"),
                Arguments.of(nySpring, NEW_YORK, "2026-03-08T08:30-05:00", "ben", "08:30 EST is 09:30 EDT"),
                Arguments.of(nySpring, NEW_YORK, "2026-03-08T08:59-04:00", "ana", "before the hand-off"),
                Arguments.of(nyAutumn, NEW_YORK, "2026-11-01T09:00-05:00", "ben", "hand-off at 09:00 EST after falling back"),
                Arguments.of(nyAutumn, NEW_YORK, "2026-11-01T08:30-05:00", "ana", "08:30 EST is before it"),
                // A hand-off inside the repeated hour (01:30 happens twice on 2026-11-01) takes the first 01:30.
                Arguments.of(nyNightly, NEW_YORK, "2026-11-01T01:30-04:00", "ben", "hand-off at the first 01:30 (EDT)"),
                Arguments.of(nyNightly, NEW_YORK, "2026-11-01T01:29-04:00", "ana", "just before it"),
                Arguments.of(nyNightly, NEW_YORK, "2026-11-01T01:45-05:00", "ben", "the second 01:45 is still ben's"),
                Arguments.of(weekly, UTC, "2026-01-12T09:59Z", "ana", "a week is seven days"),
                Arguments.of(weekly, UTC, "2026-01-12T10:00Z", "ben", "the second week"),
                Arguments.of(weekly, UTC, "2026-12-28T10:00Z", "ben", "week 52 of the year is an odd turn"),
                // 12-hour turns at 20:00 and 08:00 Berlin: the night of the spring change lasts 11 hours.
                Arguments.of(twelveHours, BERLIN, "2026-03-29T07:59+02:00", "ana", "the short night is still ana's"),
                Arguments.of(twelveHours, BERLIN, "2026-03-29T08:00+02:00", "ben", "hand-off at 08:00 local after 11 hours"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("whoIsOnCall")
    void theOnCallPersonFollowsTheRotationInLocalTime(Layer layer, ZoneId zone, String at, String expected, String why) {
        Shift shift = Rotations.onCallAt(List.of(layer), zone, List.of(), t(at));
        assertThat(shift == null ? null : shift.person()).as(why).isEqualTo(expected);
    }

    @Test
    void aDailyTurnAcrossTheSpringChangeLasts23HoursAndAcrossTheAutumnChange25() {
        Layer layer = daily("2026-03-01T09:00", "ana", "ben");
        List<Shift> spring = Rotations.layerShifts(layer, BERLIN, t("2026-03-28T09:00+01:00"), t("2026-03-29T09:00+02:00"));
        assertThat(spring).hasSize(1);
        assertThat(Duration.between(spring.get(0).start(), spring.get(0).end())).isEqualTo(Duration.ofHours(23));

        List<Shift> autumn = Rotations.layerShifts(layer, NEW_YORK, t("2026-10-31T09:00-04:00"), t("2026-11-01T09:00-05:00"));
        assertThat(autumn).hasSize(1);
        assertThat(Duration.between(autumn.get(0).start(), autumn.get(0).end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aHandOffInsideTheSkippedHourMovesForwardByTheGap() {
        // 02:30 does not exist in Berlin on 2026-03-29: that hand-off happens at 03:30 CEST.
        Layer layer = daily("2026-03-27T02:30", "ana", "ben");
        Shift before = Rotations.onCallAt(List.of(layer), BERLIN, List.of(), t("2026-03-29T03:29+02:00"));
        Shift after = Rotations.onCallAt(List.of(layer), BERLIN, List.of(), t("2026-03-29T03:30+02:00"));
        assertThat(before.person()).isEqualTo("ben");
        assertThat(after.person()).isEqualTo("ana");
    }

    static Stream<Arguments> restricted() {
        Restriction office = Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0));
        Restriction nights = new Restriction(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        return Stream.of(
                Arguments.of(office, "2026-03-02T09:00+01:00", "ana", "Monday 09:00 is inside office hours"),
                Arguments.of(office, "2026-03-02T16:59+01:00", "ana", "Monday 16:59 is inside"),
                Arguments.of(office, "2026-03-02T17:00+01:00", null, "17:00 is outside (the window is half-open)"),
                Arguments.of(office, "2026-03-02T08:59+01:00", null, "before 09:00 is outside"),
                Arguments.of(office, "2026-03-07T12:00+01:00", null, "Saturday is outside"),
                Arguments.of(office, "2026-03-30T09:30+02:00", "ana", "after the spring change office hours are still local 09–17"),
                Arguments.of(office, "2026-03-30T08:30+01:00", "ana", "08:30 CET on that Monday is 09:30 CEST"),
                Arguments.of(nights, "2026-03-06T23:00+01:00", "ana", "Friday night window"),
                Arguments.of(nights, "2026-03-07T05:59+01:00", "ana", "it runs past midnight into Saturday"),
                Arguments.of(nights, "2026-03-07T06:00+01:00", null, "and ends at 06:00"),
                Arguments.of(nights, "2026-03-05T23:00+01:00", null, "Thursday night is not covered"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("restricted")
    void restrictionsLimitALayerToTheirLocalWindows(Restriction restriction, String at, String expected, String why) {
        Layer layer = new Layer("office", LocalDateTime.parse("2026-01-05T00:00"), null, RotationLength.weekly(),
                List.of("ana"), List.of(restriction));
        Shift shift = Rotations.onCallAt(List.of(layer), BERLIN, List.of(), t(at));
        assertThat(shift == null ? null : shift.person()).as(why).isEqualTo(expected);
    }

    @Test
    void aLaterLayerWinsWhereItCoversAndTheEarlierShowsThroughElsewhere() {
        Layer base = daily("2026-03-02T00:00", "ana");
        Layer office = new Layer("office", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.weekly(),
                List.of("ben"), List.of(Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        List<Shift> day = Rotations.finalSchedule(List.of(base, office), UTC, List.of(), t("2026-03-02T00:00Z"), t("2026-03-03T00:00Z"));
        assertThat(day).extracting(Shift::person, s -> s.start().toString(), s -> s.end().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ana", "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z"),
                org.assertj.core.groups.Tuple.tuple("ben", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z"),
                org.assertj.core.groups.Tuple.tuple("ana", "2026-03-02T17:00:00Z", "2026-03-03T00:00:00Z"));
    }

    @Test
    void aLayerThatEndedLeavesItsTimeToTheLayersBelow() {
        Layer base = daily("2026-03-02T00:00", "ana");
        Layer temporary = new Layer("temp", LocalDateTime.parse("2026-03-02T00:00"), LocalDateTime.parse("2026-03-02T12:00"),
                RotationLength.daily(), List.of("ben"), List.of());
        assertThat(Rotations.onCallAt(List.of(base, temporary), UTC, List.of(), t("2026-03-02T11:59Z")).person()).isEqualTo("ben");
        assertThat(Rotations.onCallAt(List.of(base, temporary), UTC, List.of(), t("2026-03-02T12:00Z")).person()).isEqualTo("ana");
    }

    @Test
    void anOverrideCoversWhoeverIsOnCallAndOneNamingAPersonOnlyThatPersonsTime() {
        Layer layer = new Layer("12h", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.hours(12), List.of("ana", "ben"), List.of());
        ScheduleOverride anyone = new ScheduleOverride(UUID.randomUUID(), "dora", null, t("2026-03-02T10:00Z"), t("2026-03-02T14:00Z"));
        ScheduleOverride forBen = new ScheduleOverride(UUID.randomUUID(), "eli", "ben", t("2026-03-02T00:00Z"), t("2026-03-03T00:00Z"));

        List<Shift> withAnyone = Rotations.finalSchedule(List.of(layer), UTC, List.of(anyone), t("2026-03-02T00:00Z"), t("2026-03-03T00:00Z"));
        assertThat(withAnyone).extracting(Shift::person).containsExactly("ana", "dora", "ben");
        assertThat(withAnyone.get(1).source()).startsWith("override ");

        List<Shift> withForBen = Rotations.finalSchedule(List.of(layer), UTC, List.of(forBen), t("2026-03-02T00:00Z"), t("2026-03-03T00:00Z"));
        assertThat(withForBen).extracting(Shift::person).containsExactly("ana", "eli");
        assertThat(withForBen.get(1).start()).isEqualTo(t("2026-03-02T12:00Z"));

        List<Shift> both = Rotations.finalSchedule(List.of(layer), UTC, List.of(forBen, anyone), t("2026-03-02T00:00Z"), t("2026-03-03T00:00Z"));
        assertThat(both).as("the later override wins where both apply").extracting(Shift::person).containsExactly("ana", "dora", "eli");
    }

    @Test
    void theFinalScheduleJoinsAdjacentPiecesOfTheSamePerson() {
        Layer layer = daily("2026-03-02T00:00", "ana");
        List<Shift> week = Rotations.finalSchedule(List.of(layer), BERLIN, List.of(), t("2026-03-02T00:00+01:00"), t("2026-03-09T00:00+01:00"));
        assertThat(week).hasSize(1);
        assertThat(Duration.between(week.get(0).start(), week.get(0).end())).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theDirectHolderLookupAgreesWithTheFinalScheduleOnRandomSchedulesAcrossDstChanges() {
        java.util.Random random = new java.util.Random(42);
        List<ZoneId> zones = List.of(BERLIN, NEW_YORK, UTC, ZoneId.of("Australia/Sydney"));
        List<RotationLength> lengths = List.of(RotationLength.daily(), RotationLength.weekly(), RotationLength.hours(8),
                RotationLength.hours(12), new RotationLength(RotationLength.Unit.DAYS, 3));
        int compared = 0;
        for (int schedule = 0; schedule < 300; schedule++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            List<Layer> layers = new java.util.ArrayList<>();
            for (int l = 0; l < 1 + random.nextInt(3); l++) {
                LocalDateTime start = LocalDateTime.parse("2026-01-01T00:00").plusHours(random.nextInt(24 * 300)).plusMinutes(30 * random.nextInt(2));
                LocalDateTime end = random.nextInt(4) == 0 ? start.plusDays(10 + random.nextInt(200)) : null;
                List<Restriction> restrictions = random.nextBoolean() ? List.of() : List.of(random.nextBoolean()
                        ? Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
                        : new Restriction(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(6, 0)));
                layers.add(new Layer("l" + l, start, end, lengths.get(random.nextInt(lengths.size())),
                        List.of("ana", "ben", "cem", "dia").subList(0, 1 + random.nextInt(4)), restrictions));
            }
            List<ScheduleOverride> overrides = new java.util.ArrayList<>();
            if (random.nextBoolean()) {
                Instant from = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * random.nextInt(24 * 270));
                overrides.add(new ScheduleOverride(UUID.randomUUID(), "eli", random.nextBoolean() ? null : "ben", from,
                        from.plusSeconds(3600L * (1 + random.nextInt(72)))));
            }
            for (int probe = 0; probe < 40; probe++) {
                // Around the 2026 changes half of the time, anywhere in the year otherwise.
                Instant at = random.nextBoolean()
                        ? List.of(t("2026-03-29T01:00:00Z"), t("2026-10-25T01:00:00Z"), t("2026-03-08T07:00:00Z"), t("2026-11-01T06:00:00Z"),
                                t("2026-04-05T16:00:00Z")).get(random.nextInt(5)).plusSeconds(random.nextInt(4 * 3600) - 2 * 3600)
                        : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
                Shift slow = Rotations.onCallAt(layers, zone, overrides, at);
                Shift fast = Rotations.holderAt(layers, zone, overrides, at);
                assertThat(fast == null ? null : fast.person()).as("schedule %d at %s in %s", schedule, at, zone)
                        .isEqualTo(slow == null ? null : slow.person());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12_000);
    }

    @Test
    void farFromTheLayerStartTheTurnIsComputedNotCounted() {
        Layer layer = new Layer("hourly", LocalDateTime.parse("2000-01-01T00:00"), null, RotationLength.hours(1), List.of("ana", "ben", "cem"), List.of());
        // 2026-03-02T00:00Z is 229,680 hours after the start: 229680 % 3 == 0.
        assertThat(Rotations.onCallAt(List.of(layer), UTC, List.of(), t("2026-03-02T00:30Z")).person()).isEqualTo("ana");
        assertThat(Rotations.onCallAt(List.of(layer), UTC, List.of(), t("2026-03-02T01:30Z")).person()).isEqualTo("ben");
    }
}
