package io.firebreak.classification.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.SignalReceived;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignalSegmentsTest {

    private static AcceptedSignal signal(String dedupKey, String action) {
        SignalReceived s = new SignalReceived("checkout", "k", "pagerduty:k", action, dedupKey, null, null, null, null,
                null, null, null, null, Instant.EPOCH);
        return new AcceptedSignal(UUID.randomUUID(), s, "{}");
    }

    @Test
    void aBatchWithoutResolveThenTriggerOfOneAlertIsOneSegment() {
        List<AcceptedSignal> batch = List.of(signal("a", "trigger"), signal("b", "resolve"), signal("a", "trigger"),
                signal("b", "acknowledge"));
        assertThat(SignalSegments.split(batch)).containsExactly(batch);
    }

    @Test
    void aTriggerAfterAResolveOfTheSameAlertStartsANewSegmentInOrder() {
        AcceptedSignal t1 = signal("a", "trigger");
        AcceptedSignal r1 = signal("a", "resolve");
        AcceptedSignal other = signal("b", "trigger");
        AcceptedSignal t2 = signal("a", "trigger");
        AcceptedSignal r2 = signal("a", "resolve");
        AcceptedSignal t3 = signal("a", "trigger");
        assertThat(SignalSegments.split(List.of(t1, r1, other, t2, r2, t3)))
                .containsExactly(List.of(t1, r1, other), List.of(t2, r2), List.of(t3));
    }

    @Test
    void theSameDedupKeyOfAnotherServiceIsAnotherAlert() {
        AcceptedSignal resolve = signal("a", "resolve");
        SignalReceived s = new SignalReceived("payments", "k", "pagerduty:k", "trigger", "a", null, null, null, null,
                null, null, null, null, Instant.EPOCH);
        AcceptedSignal otherService = new AcceptedSignal(UUID.randomUUID(), s, "{}");
        assertThat(SignalSegments.split(List.of(resolve, otherService))).hasSize(1);
    }
}
