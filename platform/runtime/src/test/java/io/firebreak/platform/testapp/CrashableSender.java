package io.firebreak.platform.testapp;

import io.firebreak.platform.outbox.KafkaOutboxSender;
import io.firebreak.platform.outbox.OutboxRow;
import io.firebreak.platform.outbox.OutboxSender;
import io.firebreak.testing.TestPostgres;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The real Kafka sender, with a switch that simulates the relay dying right after the broker
 * acknowledged a record and before the row was marked sent: it terminates the relay's database
 * backend, which is idle inside its claim transaction, so the mark can never commit.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashableSender implements OutboxSender {

    private static final String KILL_RELAY_BACKEND = "select count(pg_terminate_backend(pid)) from pg_stat_activity"
            + " where datname = current_database() and pid <> pg_backend_pid()"
            + " and state = 'idle in transaction' and query like '%partition_key = any%'";

    private final KafkaOutboxSender kafka;
    private final AtomicInteger crashesLeft = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();

    public CrashableSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.kafka = new KafkaOutboxSender(bootstrap, "platform-test-outbox");
    }

    public void crashAfterNextSend() {
        crashesLeft.set(1);
    }

    /** How many relay backends were really terminated. */
    public int crashes() {
        return crashes.get();
    }

    @Override
    public Uni<Void> send(OutboxRow row) {
        return kafka.send(row).emitOn(Infrastructure.getDefaultWorkerPool()).invoke(() -> {
            if (crashesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                crashes.addAndGet(killRelayBackend());
            }
        });
    }

    private static int killRelayBackend() {
        try (Connection c = TestPostgres.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(KILL_RELAY_BACKEND)) {
            r.next();
            return r.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException("could not simulate the crash", e);
        }
    }

    void close(@Observes ShutdownEvent event) {
        kafka.close();
    }
}
