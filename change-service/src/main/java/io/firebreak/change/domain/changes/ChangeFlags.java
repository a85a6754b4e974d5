package io.firebreak.change.domain.changes;

import io.firebreak.change.model.ChangeFlag;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading the flags change raised: per incident, and the change-management queue (restricted incidents' flags only to who may see them). */
@ApplicationScoped
public class ChangeFlags {

    private final ChangeRepository changes;
    private final IncidentAccess access;

    public ChangeFlags(ChangeRepository changes, IncidentAccess access) {
        this.changes = changes;
        this.access = access;
    }

    @WithSession
    public Uni<List<ChangeFlag>> ofIncident(UUID incidentId) {
        return changes.flagsOf(incidentId);
    }

    /** Flags raised after {@code after}, oldest first; flags of incidents hidden from {@code actor} are left out. */
    @WithSession
    public Uni<List<ChangeFlag>> queue(Instant after, int limit, Actor actor) {
        return changes.flags(after, limit).chain(all -> {
            if (IncidentAccess.seesEverything(actor)) {
                return Uni.createFrom().item(all);
            }
            Uni<List<ChangeFlag>> out = Uni.createFrom().item(new ArrayList<>());
            for (ChangeFlag f : all) {
                out = out.chain(list -> f.incidentId == null ? Uni.createFrom().item(add(list, f))
                        : access.sight(f.incidentId, actor.user()).map(sight -> sight.visible() ? add(list, f) : list));
            }
            return out;
        });
    }

    private static List<ChangeFlag> add(List<ChangeFlag> list, ChangeFlag f) {
        list.add(f);
        return list;
    }
}
