package io.firebreak.classification.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void theBurstIsAdmittedThenRequestsBeyondTheSustainedRateWaitForTheNextToken() {
        Admission admission = new Admission(10, 3, 1_000, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(admission.enter()).isZero();
            admission.exit();
        }
        assertThat(admission.enter()).as("retry-after seconds").isEqualTo(1);
        now.addAndGet(100_000_000L); // 100 ms: one token at 10/s
        assertThat(admission.enter()).isZero();
        admission.exit();
        assertThat(admission.enter()).isEqualTo(1);
    }

    @Test
    void requestsBeyondTheInFlightBoundAreRefusedUntilOneIsAnswered() {
        Admission admission = new Admission(1_000, 1_000, 2, now::get);
        assertThat(admission.enter()).isZero();
        assertThat(admission.enter()).isZero();
        assertThat(admission.enter()).as("a third while two are unanswered").isEqualTo(1);
        assertThat(admission.inFlight()).isEqualTo(2);
        admission.exit();
        assertThat(admission.enter()).isZero();
        assertThat(admission.inFlight()).isEqualTo(2);
    }

    @Test
    void aRefusalByRateLeavesNothingInFlight() {
        Admission admission = new Admission(1, 1, 5, now::get);
        assertThat(admission.enter()).isZero();
        assertThat(admission.enter()).isEqualTo(1);
        assertThat(admission.inFlight()).isEqualTo(1);
    }
}
