package io.firebreak.change.domain.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.SignalReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlertGroupFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    /** The alert_group row, as the SQL of one signal at a time made it (the behaviour the fold must keep). */
    private record Row(Instant firstAt, Instant lastTriggered, Instant lastResolved, String summary) {
    }

    @Test
    void aStormOfRepeatsOfOneGroupIsOneWrite() {
        List<SignalReceived> storm = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            storm.add(signal("checkout", "5xx", "trigger", i, i == 0 ? null : "repeat " + i));
        }
        List<AlertGroupFold.Effect> effects = AlertGroupFold.fold(storm);

        assertThat(effects).hasSize(1);
        AlertGroupFold.Effect e = effects.get(0);
        assertThat(e.firstAt()).isEqualTo(T0);
        assertThat(e.latestTrigger()).isEqualTo(T0.plusSeconds(199));
        assertThat(e.latestResolve()).isNull();
        assertThat(e.insertSummary()).isEqualTo("repeat 1"); // the first trigger had none; the next one's is kept
    }

    @Test
    void theFoldedBatchLeavesEveryRowAsSignalsOneByOneWouldOnNewAndExistingRows() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<SignalReceived> batch = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                String action = switch (random.nextInt(5)) {
                    case 0 -> "resolve";
                    case 1 -> "acknowledge";
                    default -> "trigger";
                };
                batch.add(signal("svc-" + random.nextInt(2), "k" + random.nextInt(3), action, random.nextInt(600) - 300,
                        random.nextInt(3) == 0 ? null : "s" + random.nextInt(100)));
            }
            Map<String, Row> existing = new HashMap<>();
            if (random.nextBoolean()) {
                existing.put("svc-0/k0", new Row(T0, random.nextBoolean() ? T0 : null, random.nextBoolean() ? T0.plusSeconds(5) : null,
                        random.nextBoolean() ? "old" : null));
            }
            Map<String, Row> oneByOne = new HashMap<>(existing);
            batch.forEach(s -> applyOne(oneByOne, s));
            Map<String, Row> folded = new HashMap<>(existing);
            AlertGroupFold.fold(batch).forEach(e -> applyEffect(folded, e));

            assertThat(folded).as("round %d: %s", round, batch).isEqualTo(oneByOne);
        }
    }

    /** The former one-signal upsert: insert, or on conflict move the trigger's or resolve's columns. */
    private static void applyOne(Map<String, Row> rows, SignalReceived s) {
        boolean trigger = "trigger".equals(s.action());
        if (!trigger && !"resolve".equals(s.action())) {
            return;
        }
        String key = s.businessService() + "/" + s.dedupKey();
        Instant at = s.timestamp();
        Row r = rows.get(key);
        if (r == null) {
            rows.put(key, new Row(at, trigger ? at : null, trigger ? null : at, s.summary()));
        } else if (trigger) {
            rows.put(key, new Row(least(r.firstAt(), at), greatest(r.lastTriggered(), at), r.lastResolved(), r.summary() != null ? r.summary() : s.summary()));
        } else {
            rows.put(key, new Row(r.firstAt(), r.lastTriggered(), greatest(r.lastResolved(), at), r.summary()));
        }
    }

    /** ChangeRepository.alertGroupSeen's statement, in the same terms. */
    private static void applyEffect(Map<String, Row> rows, AlertGroupFold.Effect e) {
        String key = e.service() + "/" + e.dedupKey();
        Row r = rows.get(key);
        if (r == null) {
            rows.put(key, new Row(e.firstAt(), e.latestTrigger(), e.latestResolve(), e.insertSummary()));
            return;
        }
        rows.put(key, new Row(e.earliestTrigger() == null ? r.firstAt() : least(r.firstAt(), e.earliestTrigger()),
                greatest(r.lastTriggered(), e.latestTrigger()), greatest(r.lastResolved(), e.latestResolve()),
                e.triggerSummary() == null ? r.summary() : r.summary() != null ? r.summary() : e.triggerSummary()));
    }

    private static Instant least(Instant a, Instant b) {
        return a == null ? b : b == null ? a : b.isBefore(a) ? b : a;
    }

    private static Instant greatest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : b.isAfter(a) ? b : a;
    }

    private static SignalReceived signal(String service, String dedupKey, String action, int second, String summary) {
        return new SignalReceived(service, "key-1", "pagerduty", action, dedupKey, summary, "test", "critical",
                T0.plusSeconds(second), null, null, null, null, T0.plusSeconds(second));
    }
}
