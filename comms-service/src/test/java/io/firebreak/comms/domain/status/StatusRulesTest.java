package io.firebreak.comms.domain.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.comms.model.StatusState;
import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static StatusRules.Draft draft(StatusState state, Instant due, Integer correctionOf) {
        return new StatusRules.Draft(state, "Checkout fails for some card payments", List.of("checkout"), due, correctionOf);
    }

    private static List<String> fields(StatusRules.Draft d, int current) {
        return StatusRules.check(d, current, NOW).stream().map(Violation::field).toList();
    }

    @Test
    void theNextUpdateIsOneCadenceAheadByPriorityUnlessAskedAndNoneOnceResolved() {
        assertThat(StatusRules.nextUpdateDue(draft(StatusState.INVESTIGATING, null, null), Priority.P1, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(StatusRules.nextUpdateDue(draft(StatusState.IDENTIFIED, null, null), Priority.P2, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(StatusRules.nextUpdateDue(draft(StatusState.MONITORING, null, null), Priority.P3, NOW)).isEqualTo(NOW.plus(Duration.ofHours(4)));
        Instant asked = NOW.plus(Duration.ofMinutes(15));
        assertThat(StatusRules.nextUpdateDue(draft(StatusState.INVESTIGATING, asked, null), Priority.P1, NOW)).isEqualTo(asked);
        assertThat(StatusRules.nextUpdateDue(draft(StatusState.RESOLVED, null, null), Priority.P1, NOW)).isNull();
    }

    @Test
    void aDraftSaysWhatUsersExperienceAndPlansTheNextUpdateWithinADay() {
        assertThat(fields(draft(StatusState.INVESTIGATING, null, null), 0)).isEmpty();
        assertThat(fields(new StatusRules.Draft(null, " ", List.of("checkout", ""), null, null), 0))
                .containsExactly("state", "impact", "affectedServices[1]");
        assertThat(fields(draft(StatusState.INVESTIGATING, NOW, null), 0)).containsExactly("nextUpdateDueAt");
        assertThat(fields(draft(StatusState.INVESTIGATING, NOW.plus(Duration.ofHours(24)), null), 0)).isEmpty();
        assertThat(fields(draft(StatusState.INVESTIGATING, NOW.plus(Duration.ofHours(24)).plusSeconds(1), null), 0))
                .containsExactly("nextUpdateDueAt");
        assertThat(fields(draft(StatusState.RESOLVED, NOW.plusSeconds(60), null), 0)).containsExactly("nextUpdateDueAt");
    }

    @Test
    void aCorrectionNamesAPublishedVersion() {
        assertThat(fields(draft(StatusState.IDENTIFIED, null, 1), 0)).containsExactly("correctionOf");
        assertThat(fields(draft(StatusState.IDENTIFIED, null, 2), 2)).isEmpty();
        assertThat(fields(draft(StatusState.IDENTIFIED, null, 3), 2)).containsExactly("correctionOf");
        assertThat(fields(draft(StatusState.IDENTIFIED, null, 0), 2)).containsExactly("correctionOf");
    }
}
