package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.persistence.oncall.OverrideRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.firebreak.platform.outbox.Backoff;
import io.firebreak.platform.sql.NotifyListener;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.response.config.ResponseConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every schedule, parsed, and the overrides of the recent past and the future, kept in memory for "who
 * is on call" across the organisation. Triggers on schedules and overrides bump a revision and NOTIFY at
 * commit, whichever replica made the change. While this replica listens, a query is answered from memory
 * without touching the database; the revision is still checked once a second by default (a LISTEN connection
 * can die without a word) and on every query while the listener is reconnecting. A change made through this
 * replica marks the copy stale right after its commit ({@link #changed()}), so a caller reads its own write.
 */
@ApplicationScoped
public class ScheduleSnapshot {

    private static final Logger LOG = Logger.getLogger(ScheduleSnapshot.class);

    /** How far back from its loading the snapshot keeps overrides; earlier moments ask the database. */
    static final Duration OVERRIDES_KEPT = Duration.ofDays(7);

    /** A schedule as the on-call computation needs it. */
    public record Entry(UUID id, String teamId, ResponseRole role, String name, ZoneId zone, List<Layer> layers, List<String> succession,
                        Schedule schedule) {
    }

    /**
     * One loaded state: the schedules, and by schedule the overrides ending after {@code overridesFrom}
     * (oldest first, as the computation wants them); {@code changes} and {@code checkedAt} say which
     * notifications it has seen and when it was last compared with the revision.
     */
    public record State(long revision, List<Entry> entries, Instant overridesFrom, Map<UUID, List<ScheduleOverride>> overrides,
                        long changes, long checkedAt) {

        /** Whether the kept overrides answer for this moment. */
        public boolean coversOverridesAt(Instant at) {
            return at.isAfter(overridesFrom);
        }

        State checked(long changesSeen, long now) {
            return new State(revision, entries, overridesFrom, overrides, changesSeen, now);
        }
    }

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final Clock clock;
    private final NotifyListener listener;
    private final long trustedForNanos;
    /** Notifications heard and local changes committed; a copy loaded before the latest one is stale. */
    private final AtomicLong changes = new AtomicLong();
    private volatile State current = new State(-1, List.of(), Instant.MAX, Map.of(), -1, 0);

    public ScheduleSnapshot(ScheduleRepository schedules, OverrideRepository overrides, Clock clock, Vertx vertx, Pool pool,
                            ResponseConfig config, @ConfigProperty(name = "firebreak.context") String schema) {
        this.trustedForNanos = config.oncall().snapshotTrustedFor().toNanos();
        this.schedules = schedules;
        this.overrides = overrides;
        this.clock = clock;
        this.listener = new NotifyListener(vertx, pool, channel(schema), this::changed,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    /** The channel the schedule triggers notify for this schema (see V13). */
    static String channel(String schema) {
        return "firebreak_schedules_" + SqlIdentifiers.schema(schema);
    }

    void start(@Observes StartupEvent event) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        listener.stop();
    }

    /** Marks the copy stale: called for every notification, and by this replica after committing a change. */
    public void changed() {
        changes.incrementAndGet();
    }

    public NotifyListener.State listenerState() {
        return listener.state();
    }

    /** The current state: from memory while listening and nothing changed; else one revision query, and a reload when it moved. */
    public Uni<State> state() {
        long seen = changes.get();
        long now = System.nanoTime();
        State state = current;
        if (state.changes() == seen && listener.state() == NotifyListener.State.LISTENING
                && now - state.checkedAt() < trustedForNanos) {
            return Uni.createFrom().item(state);
        }
        return schedules.revision().chain(revision -> {
            State known = current;
            if (known.revision() == revision) {
                // Nothing committed since it was loaded: trusted again, up to the notifications counted before the check.
                State checked = known.checked(Math.max(known.changes(), seen), now);
                current = checked;
                return Uni.createFrom().item(checked);
            }
            Instant from = clock.instant().minus(OVERRIDES_KEPT);
            return schedules.all().chain(list -> overrides.endingAfter(from).map(found -> {
                List<Entry> entries = list.stream().map(s -> new Entry(s.id, s.teamId, s.role, s.name, ZoneId.of(s.timeZone), s.layers,
                        List.of(s.succession), s)).toList();
                State loaded = new State(revision, entries, from, OnCallQueries.bySchedule(found), seen, now);
                current = loaded;
                LOG.debugf("Schedules reloaded at revision %d: %d schedules", revision, Integer.valueOf(entries.size()));
                return loaded;
            }));
        });
    }
}
