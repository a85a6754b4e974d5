package io.firebreak.classification.domain.intake;

import io.firebreak.platform.ratelimit.RateLimiter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {

    @Test
    void aKeyGetsItsBurstThenItsRateAndIsToldHowLongToWait() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, 5, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("k")).isZero();
        }
        assertThat(limiter.acquire("k")).isEqualTo(1);
        assertThat(limiter.acquire("other")).as("buckets are per key").isZero();
        now.addAndGet(100_000_000L); // 100 ms at 10/s refills one token
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isPositive();
    }

    @Test
    void pagerDutysColonLessOffsetsAndRfc3339AreBothTimestamps() {
        assertThat(Timestamps.parse("2015-07-17T08:42:58.315+0000")).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
        assertThat(Timestamps.parse("2026-11-29T10:00:00Z")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(Timestamps.parse("2026-11-29T11:00:00+01:00")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(Timestamps.parse("yesterday")).isNull();
    }

    @Test
    void alertmanagerSeverityLabelsMapOntoPagerDutysFourLevels() {
        assertThat(AlertmanagerWebhook.severity("critical")).isEqualTo("critical");
        assertThat(AlertmanagerWebhook.severity("PAGE")).isEqualTo("critical");
        assertThat(AlertmanagerWebhook.severity("major")).isEqualTo("error");
        assertThat(AlertmanagerWebhook.severity("warning")).isEqualTo("warning");
        assertThat(AlertmanagerWebhook.severity("low")).isEqualTo("info");
        assertThat(AlertmanagerWebhook.severity(null)).isEqualTo("warning");
        assertThat(AlertmanagerWebhook.severity("something-else")).isEqualTo("warning");
    }
}
