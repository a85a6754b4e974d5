package io.firebreak.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderGuardTest {

    private static OutboxRow row(long seq, String key) {
        return new OutboxRow(seq, UUID.randomUUID(), "t", key, "type", "src", key, null, "{}", 0);
    }

    @Test
    void rowsWhoseOlderSiblingsAreAllMineArePublishable() {
        List<OutboxRow> claimed = List.of(row(1, "a"), row(2, "b"), row(3, "a"));
        assertThat(OrderGuard.publishable(claimed, Map.of("a", List.of(1L, 3L), "b", List.of(2L))))
                .extracting(OutboxRow::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void keyWithAnOlderRowHeldElsewhereWaits() {
        // Row 1 of key a is locked by another relay (or waits for a retry): 3 must not overtake it.
        List<OutboxRow> claimed = List.of(row(2, "b"), row(3, "a"));
        assertThat(OrderGuard.publishable(claimed, Map.of("a", List.of(1L, 3L), "b", List.of(2L))))
                .extracting(OutboxRow::seq).containsExactly(2L);
    }

    @Test
    void gapInTheMiddleStopsTheKeyAtTheGap() {
        List<OutboxRow> claimed = List.of(row(1, "a"), row(5, "a"));
        assertThat(OrderGuard.publishable(claimed, Map.of("a", List.of(1L, 4L, 5L))))
                .extracting(OutboxRow::seq).containsExactly(1L);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(80)).isEqualTo(Duration.ofSeconds(1));
    }
}
