package io.firebreak.review.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.review.domain.timeline.TimelineRules.Entry;
import io.firebreak.review.domain.timeline.TimelineRules.Kind;
import io.firebreak.review.domain.timeline.TimelineRules.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineRulesTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final TimelineRules.Settings P1 = new TimelineRules.Settings(Duration.ofMinutes(5), Duration.ofMinutes(30));

    private static Entry recorded(String id, int minute, Kind kind, String source, String subject) {
        return new Entry(id, T.plus(Duration.ofMinutes(minute)), kind, Origin.RECORDED, source, subject);
    }

    /** A well-formed P1: detected, declared, paged, acknowledged, status, changes, mitigated, resolved, closed. */
    private static List<Entry> clean() {
        return new ArrayList<>(List.of(
                recorded("d", 0, Kind.DETECTED, "classification", null),
                recorded("c", 2, Kind.DECLARED, "classification", null),
                recorded("p", 3, Kind.PAGED, "response", "page-1"),
                recorded("a", 5, Kind.ACKNOWLEDGED, "response", "page-1"),
                recorded("s", 10, Kind.STATUS_PUBLISHED, "comms", null),
                recorded("ca", 20, Kind.CHANGE_APPROVED, "change", "CHG-1"),
                recorded("ci", 25, Kind.CHANGE_IMPLEMENTED, "change", "CHG-1"),
                recorded("m", 40, Kind.MITIGATED, "response", null),
                recorded("r", 60, Kind.RESOLVED, "response", null),
                recorded("x", 90, Kind.CLOSED, "response", null)));
    }

    private static List<String> rules(List<Entry> entries) {
        return TimelineRules.validate(entries, P1).stream().map(TimelineRules.Flag::rule).toList();
    }

    @Test
    void aCleanTimelineRaisesNothing() {
        assertThat(TimelineRules.validate(clean(), P1)).isEmpty();
    }

    @Test
    void anAcknowledgementBeforeItsPageIsAnImpossibleOrder() {
        List<Entry> e = clean();
        e.set(3, recorded("a", 1, Kind.ACKNOWLEDGED, "response", "page-1"));
        var flags = TimelineRules.validate(e, P1);
        assertThat(flags).extracting(TimelineRules.Flag::rule).containsExactly(TimelineRules.IMPOSSIBLE_ORDER);
        assertThat(flags.get(0).entries()).containsExactly("a", "p");
        assertThat(flags.get(0).key()).isEqualTo("IMPOSSIBLE_ORDER:a,p");
    }

    @Test
    void aChangeImplementedBeforeApprovalAndAResolutionBeforeDeclarationAreImpossible() {
        List<Entry> e = clean();
        e.set(6, recorded("ci", 15, Kind.CHANGE_IMPLEMENTED, "change", "CHG-1"));
        e.add(recorded("r0", 1, Kind.RESOLVED, "response", null));
        assertThat(rules(e)).containsOnly(TimelineRules.IMPOSSIBLE_ORDER).hasSize(2);
    }

    @Test
    void aRecollectionBeyondTheToleranceContradictsTheRecordButOneWithinItDoesNot() {
        List<Entry> e = clean();
        e.add(new Entry("rec1", T.plus(Duration.ofMinutes(8)), Kind.ACKNOWLEDGED, Origin.RECOLLECTION, "ines", "page-1"));
        assertThat(rules(e)).isEmpty();
        e.add(new Entry("rec2", T.plus(Duration.ofMinutes(15)), Kind.ACKNOWLEDGED, Origin.RECOLLECTION, "tara", "page-1"));
        var flags = TimelineRules.validate(e, P1);
        assertThat(flags).extracting(TimelineRules.Flag::rule).containsExactly(TimelineRules.RECOLLECTION_CONTRADICTS);
        assertThat(flags.get(0).message()).contains("tara recalls acknowledged", "10 min apart");
    }

    @Test
    void twoSourcesRecordingOneMilestoneFarApartIsClockSkew() {
        List<Entry> e = clean();
        e.add(recorded("c2", 9, Kind.DECLARED, "response", null));
        assertThat(rules(e)).containsExactly(TimelineRules.CLOCK_SKEW);
        e.set(e.size() - 1, recorded("c2", 4, Kind.DECLARED, "response", null));
        assertThat(rules(e)).isEmpty();
    }

    @Test
    void silenceLongerThanTheCadenceBetweenDeclarationAndResolutionIsAGap() {
        List<Entry> e = clean();
        e.removeIf(x -> x.id().equals("m"));
        var flags = TimelineRules.validate(e, P1);
        assertThat(flags).extracting(TimelineRules.Flag::rule).containsExactly(TimelineRules.GAP);
        assertThat(flags.get(0).entries()).containsExactly("ci", "r");
        // After resolution the cadence no longer applies (closed 30 minutes later is no gap).
    }

    @Test
    void missingAcknowledgementAndStatusAreMilestonesToExplain() {
        List<Entry> e = clean();
        e.removeIf(x -> x.id().equals("a") || x.id().equals("s"));
        assertThat(TimelineRules.validate(e, P1)).extracting(TimelineRules.Flag::key)
                .containsExactly("MISSING_MILESTONE:ACKNOWLEDGED", "MISSING_MILESTONE:STATUS_PUBLISHED");
    }

    @Test
    void somethingRecordedAfterClosureIsFlagged() {
        List<Entry> e = clean();
        e.add(recorded("late", 95, Kind.STATUS_PUBLISHED, "comms", null));
        assertThat(rules(e)).containsExactly(TimelineRules.AFTER_CLOSURE);
    }

    @Test
    void theCadenceFollowsThePriority() {
        assertThat(TimelineRules.Settings.cadence("P1")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TimelineRules.Settings.cadence("P2")).isEqualTo(Duration.ofHours(1));
        assertThat(TimelineRules.Settings.cadence("P3")).isEqualTo(Duration.ofHours(4));
    }
}
