package io.firebreak.response.domain.oncall;

import io.firebreak.response.model.oncall.Layer;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.persistence.oncall.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Every schedule, parsed, kept in memory for "who is on call" across the organisation: reloaded only
 * when the schedule revision moved (a trigger bumps it with every change, whichever replica made it).
 * Call inside a session.
 */
@ApplicationScoped
public class ScheduleSnapshot {

    /** A schedule as the on-call computation needs it. */
    public record Entry(UUID id, String teamId, ResponseRole role, String name, ZoneId zone, List<Layer> layers, List<String> succession,
                        Schedule schedule) {
    }

    private record Snapshot(long revision, List<Entry> entries) {
    }

    private final ScheduleRepository schedules;
    private volatile Snapshot current = new Snapshot(-1, List.of());

    public ScheduleSnapshot(ScheduleRepository schedules) {
        this.schedules = schedules;
    }

    public Uni<List<Entry>> entries() {
        return schedules.revision().chain(revision -> {
            Snapshot snapshot = current;
            if (snapshot.revision() == revision) {
                return Uni.createFrom().item(snapshot.entries());
            }
            return schedules.all().map(list -> {
                List<Entry> entries = list.stream().map(s -> new Entry(s.id, s.teamId, s.role, s.name, ZoneId.of(s.timeZone), s.layers,
                        List.of(s.succession), s)).toList();
                current = new Snapshot(revision, entries);
                return entries;
            });
        });
    }
}
