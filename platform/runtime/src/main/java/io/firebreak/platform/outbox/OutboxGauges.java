package io.firebreak.platform.outbox;

import io.firebreak.platform.sql.SqlIdentifiers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Outbox gauges for alerting, refreshed every {@code gauge-interval} from the table (so every replica
 * reports the schema's truth): unsent rows, parked rows (alert on &gt; 0: they wait for an operator) and
 * the age of the oldest unsent, unparked row (alert when it exceeds a few minutes: the relay is stuck).
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

    private final Vertx vertx;
    private final Pool pool;
    private final OutboxConfig config;
    private final String query;
    private volatile double unsent;
    private volatile double parked;
    private volatile double oldestAgeSeconds;
    private long timer = -1;

    public OutboxGauges(Vertx vertx, Pool pool, OutboxConfig config, MeterRegistry registry,
                        @ConfigProperty(name = "quarkus.application.name") String service) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.query = "select count(*) filter (where parked_at is null) as unsent,"
                + " count(*) filter (where parked_at is not null) as parked,"
                + " coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0)::float8 as oldest"
                + " from " + SqlIdentifiers.schema(config.schema()) + ".outbox_event where sent_at is null and discarded_at is null";
        Gauge.builder("firebreak.outbox.unsent", this, g -> g.unsent).baseUnit("rows")
                .description("Outbox rows not yet published (parked ones excluded)").tag("service", service).register(registry);
        Gauge.builder("firebreak.outbox.parked", this, g -> g.parked).baseUnit("rows")
                .description("Outbox rows parked after a permanent failure or their last attempt").tag("service", service)
                .register(registry);
        Gauge.builder("firebreak.outbox.oldest.unsent.age", this, g -> g.oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest unpublished, unparked outbox row").tag("service", service).register(registry);
    }

    void start(@Observes StartupEvent event) {
        refreshAndLog();
        timer = vertx.setPeriodic(Math.max(1, config.gaugeInterval().toMillis()), id -> refreshAndLog());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refreshAndLog() {
        refresh().subscribe().with(ok -> { }, e -> LOG.warnf("Outbox gauges not refreshed: %s", e.getMessage()));
    }

    /** Reads the figures now. */
    public Uni<Void> refresh() {
        return pool.preparedQuery(query).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            unsent = row.getLong("unsent");
            parked = row.getLong("parked");
            oldestAgeSeconds = row.getDouble("oldest");
        }).replaceWithVoid();
    }
}
