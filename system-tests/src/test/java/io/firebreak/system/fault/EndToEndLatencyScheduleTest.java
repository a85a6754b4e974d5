package io.firebreak.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The e2e benchmark's open-loop schedule: an alert is sent as soon as its scheduled time has come, not one interval later. */
class EndToEndLatencyScheduleTest {

    @Test
    void theFirstAlertIsDueAtTheStartOfTheWindow() {
        assertThat(EndToEndLatencyRun.dueBy(0, 200)).isEqualTo(1);
    }

    @Test
    void alertNIsDueExactlyAtNOverTheRate() {
        // At 50/s alert 1 is scheduled 20 ms in: not due a nanosecond before, due at 20 ms.
        assertThat(EndToEndLatencyRun.dueBy(19_999_999, 50)).isEqualTo(1);
        assertThat(EndToEndLatencyRun.dueBy(20_000_000, 50)).isEqualTo(2);
        assertThat(EndToEndLatencyRun.dueBy(1_000_000_000, 200)).isEqualTo(201);
    }
}
