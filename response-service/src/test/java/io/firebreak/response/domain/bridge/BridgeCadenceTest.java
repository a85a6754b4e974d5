package io.firebreak.response.domain.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Priority;
import io.firebreak.platform.problem.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeCadenceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

    @ParameterizedTest(name = "{0} every {1} minutes")
    @CsvSource({"P1, 30", "P2, 60", "P3, 240", "P4, 240"})
    void theDefaultCadenceFollowsThePriority(Priority priority, int minutes) {
        assertThat(BridgeCadence.defaultMinutes(priority)).isEqualTo(minutes);
    }

    @Test
    void withoutAWishTheNextCheckpointIsOneCadenceAway() {
        List<Violation> v = new ArrayList<>();
        assertThat(BridgeCadence.nextCheckpoint(NOW, 30, null, v)).isEqualTo(NOW.plusSeconds(1800));
        assertThat(v).isEmpty();
    }

    @Test
    void anEarlierCheckpointIsKeptButNotOneBeyondTheCadenceOrInThePast() {
        List<Violation> v = new ArrayList<>();
        assertThat(BridgeCadence.nextCheckpoint(NOW, 30, NOW.plusSeconds(600), v)).isEqualTo(NOW.plusSeconds(600));
        assertThat(v).isEmpty();
        BridgeCadence.nextCheckpoint(NOW, 30, NOW.plusSeconds(1801), v);
        BridgeCadence.nextCheckpoint(NOW, 30, NOW, v);
        assertThat(v).extracting(Violation::field).containsExactly("nextCheckpointAt", "nextCheckpointAt");
    }

    @Test
    void aCadenceIsBetweenFiveMinutesAndADay() {
        List<Violation> v = new ArrayList<>();
        BridgeCadence.checkCadence(5, v);
        BridgeCadence.checkCadence(1440, v);
        BridgeCadence.checkCadence(null, v);
        assertThat(v).isEmpty();
        BridgeCadence.checkCadence(4, v);
        BridgeCadence.checkCadence(1441, v);
        assertThat(v).hasSize(2);
    }
}
