package io.firebreak.classification.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.classification.support.Fixtures;
import io.firebreak.events.SignalReceived;
import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.inbox.Inbox;
import io.firebreak.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Signals of one alert processed truly at the same time (as they are when replicas or consumers share
 * the work, which the Kafka key normally prevents): the database's constraints, not the ordering,
 * must keep one open group and one incident.
 */
@QuarkusTest
class ConcurrentSignalProcessingTest {

    private final Inbox inbox;
    private final SignalProcessor processor;

    ConcurrentSignalProcessingTest(Inbox inbox, SignalProcessor processor) {
        this.inbox = inbox;
        this.processor = processor;
    }

    @Test
    void tenSignalsOfOneAlertProcessedConcurrentlyMakeOneGroupAndOneIncident() throws Exception {
        String service = Fixtures.uniqueName("concurrent");
        Fixtures.service(service, 1, "cora");
        Fixtures.baselinePolicyActive();
        int signals = 10;
        ExecutorService threads = Executors.newFixedThreadPool(signals);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < signals; i++) {
            SignalReceived signal = new SignalReceived(service, UUID.randomUUID().toString(), "pagerduty:test", "trigger", "same-alert",
                    "Checkout errors", "prom", "critical", Instant.now(), null, null, null,
                    Map.of("impact", Map.of("revenueLossPerHour", 80_000)), Instant.now());
            CloudEventEnvelope event = new CloudEventEnvelope(UUID.randomUUID(), "io.firebreak.signal.received.v1",
                    "/firebreak/classification", service + ":same-alert", Instant.now(), new byte[0]);
            attempts.add(threads.submit(() -> {
                go.await();
                // As the inbox does for a failed effect: try again (a lost race ends in a constraint refusal).
                for (int attempt = 1; attempt <= 10; attempt++) {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> inbox.process(event, "classification.signals",
                                e -> processor.process(e.id(), signal, "{}")));
                        return attempt;
                    } catch (Throwable e) {
                        Thread.sleep(20L * attempt);
                    }
                }
                throw new AssertionError("signal never processed");
            }));
        }
        go.countDown();
        for (Future<Integer> attempt : attempts) {
            attempt.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(count("select count(*) from classification.alert_group where service = ?", service)).isEqualTo(1);
        assertThat(count("select signal_count from classification.alert_group where service = ?", service)).isEqualTo(signals);
        assertThat(count("select count(*) from classification.incident where business_service = ?", service)).isEqualTo(1);
    }

    private static long count(String sql, String service) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, service);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
