package io.firebreak.comms.domain.executive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutiveRulesTest {

    private static final Instant DETECTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DECLARED = Instant.parse("2026-12-01T10:10:00Z");
    private static final ExecutiveRules.Thresholds T = new ExecutiveRules.Thresholds(
            Map.of("P1", Duration.ofMinutes(30), "P2", Duration.ofHours(4)), 50_000, Duration.ofMinutes(15), Duration.ofHours(4));

    private static ExecutiveRules.Facts facts(String priority, Double loss, String exposure, Boolean regulatory, Boolean regulated) {
        return new ExecutiveRules.Facts(priority, DETECTED, DECLARED, loss, exposure, regulatory, regulated);
    }

    @Test
    void aP1OpenForThirtyMinutesMustBeToldToExecutives() {
        ExecutiveRules.Firing f = ExecutiveRules.firing(facts("P1", null, null, null, null), T, ExecutiveRules.DURATION);
        assertThat(f.firesAt()).isEqualTo(DECLARED.plus(Duration.ofMinutes(30)));
        assertThat(f.reason()).isEqualTo("P1 open for 30 min");
        assertThat(ExecutiveRules.firing(facts("P3", null, null, null, null), T, ExecutiveRules.DURATION)).isNull();
    }

    @Test
    void revenueLossTimesElapsedTimeReachingTheThresholdFiresTheFinancialRule() {
        // 12,000 per hour reaches 50,000 after 4 h 10 min from detection.
        ExecutiveRules.Firing f = ExecutiveRules.firing(facts("P2", 12_000d, null, null, null), T, ExecutiveRules.FINANCIAL);
        assertThat(f.firesAt()).isEqualTo(DETECTED.plus(Duration.ofMinutes(250)));
        assertThat(f.reason()).contains("50,000").contains("12,000 per hour").contains("4 h 10 min");
        assertThat(ExecutiveRules.firing(facts("P2", null, null, null, null), T, ExecutiveRules.FINANCIAL)).as("not measured is not zero").isNull();
        assertThat(ExecutiveRules.firing(facts("P2", 0d, null, null, null), T, ExecutiveRules.FINANCIAL)).isNull();
    }

    @Test
    void regulatoryExposureOrDataExposureOnARegulatedServiceFiresAtDeclaration() {
        assertThat(ExecutiveRules.firing(facts("P2", null, null, true, null), T, ExecutiveRules.REGULATORY).firesAt()).isEqualTo(DECLARED);
        assertThat(ExecutiveRules.firing(facts("P2", null, "SUSPECTED", null, true), T, ExecutiveRules.REGULATORY).reason())
                .isEqualTo("data exposure suspected on a regulated service");
        assertThat(ExecutiveRules.firing(facts("P2", null, "SUSPECTED", null, false), T, ExecutiveRules.REGULATORY)).isNull();
        assertThat(ExecutiveRules.firing(facts("P2", null, "NONE", null, true), T, ExecutiveRules.REGULATORY)).isNull();
    }

    @Test
    void aDelayNeedsAFutureTimeWithinTheMaximum() {
        Instant fired = DECLARED;
        Instant now = DECLARED.plus(Duration.ofMinutes(5));
        assertThat(ExecutiveRules.delayRefusal(now, null, T.maxDelay(), fired)).contains("required");
        assertThat(ExecutiveRules.delayRefusal(now, now.minusSeconds(1), T.maxDelay(), fired)).contains("future");
        assertThat(ExecutiveRules.delayRefusal(now, fired.plus(Duration.ofHours(5)), T.maxDelay(), fired)).contains("at most 4 h");
        assertThat(ExecutiveRules.delayRefusal(now, fired.plus(Duration.ofHours(2)), T.maxDelay(), fired)).isNull();
    }
}
