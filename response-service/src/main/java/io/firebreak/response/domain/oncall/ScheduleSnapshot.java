package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.persistence.oncall.OverrideRepository;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.smallrye.mutiny.Uni;
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
 * is on call" across the organisation: reloaded only when the schedule revision moved (triggers on
 * schedules and overrides bump it in the changing transaction, whichever replica made it). Call inside
 * a session.
 */
@ApplicationScoped
public class ScheduleSnapshot {

    /** How far back from its loading the snapshot keeps overrides; earlier moments ask the database. */
    static final Duration OVERRIDES_KEPT = Duration.ofDays(7);

    /** A schedule as the on-call computation needs it. */
    public record Entry(UUID id, String teamId, ResponseRole role, String name, ZoneId zone, List<Layer> layers, List<String> succession,
                        Schedule schedule) {
    }

    /**
     * One loaded state: the schedules, and by schedule the overrides ending after {@code overridesFrom}
     * (oldest first, as the computation wants them).
     */
    public record State(long revision, List<Entry> entries, Instant overridesFrom, Map<UUID, List<ScheduleOverride>> overrides) {

        /** Whether the kept overrides answer for this moment. */
        public boolean coversOverridesAt(Instant at) {
            return at.isAfter(overridesFrom);
        }
    }

    private final ScheduleRepository schedules;
    private final OverrideRepository overrides;
    private final Clock clock;
    private volatile State current = new State(-1, List.of(), Instant.MAX, Map.of());

    public ScheduleSnapshot(ScheduleRepository schedules, OverrideRepository overrides, Clock clock) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The current state: one revision query, and a reload when the revision moved. */
    public Uni<State> state() {
        return schedules.revision().chain(revision -> {
            State state = current;
            if (state.revision() == revision) {
                return Uni.createFrom().item(state);
            }
            Instant from = clock.instant().minus(OVERRIDES_KEPT);
            return schedules.all().chain(list -> overrides.endingAfter(from).map(found -> {
                List<Entry> entries = list.stream().map(s -> new Entry(s.id, s.teamId, s.role, s.name, ZoneId.of(s.timeZone), s.layers,
                        List.of(s.succession), s)).toList();
                State loaded = new State(revision, entries, from, OnCallQueries.bySchedule(found));
                current = loaded;
                return loaded;
            }));
        });
    }
}
