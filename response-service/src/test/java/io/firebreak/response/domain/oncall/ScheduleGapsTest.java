package io.firebreak.response.domain.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.Restriction;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.RotationLength;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleGapsTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Interval DAY = new Interval(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));

    @Test
    void timeOutsideEveryRestrictionIsReportedUnfilled() {
        Layer office = new Layer("office", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.weekly(), List.of("ana"),
                List.of(Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        List<Shift> schedule = Rotations.finalSchedule(List.of(office), UTC, List.of(), DAY.start(), DAY.end());
        List<Gap> gaps = ScheduleGaps.find(schedule, DAY, ResponseRole.TEAM_ON_CALL, Map.of());
        assertThat(gaps).extracting(Gap::kind, g -> g.start().toString(), g -> g.end().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Gap.Kind.UNFILLED, "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z"),
                org.assertj.core.groups.Tuple.tuple(Gap.Kind.UNFILLED, "2026-03-02T17:00:00Z", "2026-03-03T00:00:00Z"));
    }

    @Test
    void aQualificationLapsingInsideAShiftIsReportedFromTheLapseWithTheCause() {
        Layer layer = new Layer("ic", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.daily(), List.of("ana"), List.of());
        List<Shift> schedule = Rotations.finalSchedule(List.of(layer), UTC, List.of(), DAY.start(), DAY.end());
        Instant lapse = Instant.parse("2026-03-02T15:00:00Z");
        var qualifications = Map.of("ana", List.of(new QualifiedPeriod("ana", ResponseRole.INCIDENT_COMMANDER,
                Instant.parse("2025-01-01T00:00:00Z"), lapse)));

        List<Gap> gaps = ScheduleGaps.find(schedule, DAY, ResponseRole.INCIDENT_COMMANDER, qualifications);

        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).kind()).isEqualTo(Gap.Kind.UNQUALIFIED);
        assertThat(gaps.get(0).start()).isEqualTo(lapse);
        assertThat(gaps.get(0).end()).isEqualTo(DAY.end());
        assertThat(gaps.get(0).person()).isEqualTo("ana");
        assertThat(gaps.get(0).detail()).contains("lapses at 2026-03-02T15:00:00Z");
    }

    @Test
    void aQualificationForAnotherRoleDoesNotCount() {
        Layer layer = new Layer("ic", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.daily(), List.of("ana"), List.of());
        List<Shift> schedule = Rotations.finalSchedule(List.of(layer), UTC, List.of(), DAY.start(), DAY.end());
        var qualifications = Map.of("ana", List.of(new QualifiedPeriod("ana", ResponseRole.COMMS_LEAD, Instant.EPOCH, null)));

        assertThat(ScheduleGaps.find(schedule, DAY, ResponseRole.INCIDENT_COMMANDER, qualifications))
                .singleElement().satisfies(g -> assertThat(g.detail()).isEqualTo("ana holds no valid INCIDENT_COMMANDER qualification"));
        assertThat(ScheduleGaps.find(schedule, DAY, ResponseRole.COMMS_LEAD, qualifications)).isEmpty();
    }

    @Test
    void teamOnCallNeedsNoQualification() {
        Layer layer = new Layer("team", LocalDateTime.parse("2026-03-02T00:00"), null, RotationLength.daily(), List.of("ana"), List.of());
        List<Shift> schedule = Rotations.finalSchedule(List.of(layer), UTC, List.of(), DAY.start(), DAY.end());
        assertThat(ScheduleGaps.find(schedule, DAY, ResponseRole.TEAM_ON_CALL, Map.of())).isEmpty();
    }
}
