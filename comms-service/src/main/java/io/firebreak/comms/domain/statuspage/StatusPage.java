package io.firebreak.comms.domain.statuspage;

import io.firebreak.comms.model.StatusPageUpdate;
import io.firebreak.comms.persistence.StatusPageRepository;
import io.firebreak.events.Priority;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public status page, shaped like Atlassian Statuspage's public API so front ends and tools that read
 * {@code summary.json} and {@code incidents.json} read it too. It shows only what was posted to customers
 * (status-page posts of the external log), never a drill, never a restricted incident, never internal text.
 */
@ApplicationScoped
public class StatusPage {

    /** How far back {@code incidents} goes. */
    public static final Duration HISTORY = Duration.ofDays(90);

    private final StatusPageRepository updates;
    private final Clock clock;

    public StatusPage(StatusPageRepository updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
    }

    public record Update(UUID id, String status, String body, Instant created_at, Instant display_at, List<String> affected_components) {
    }

    public record PageIncident(UUID id, String name, String status, String impact, Instant created_at, Instant updated_at,
                               Instant resolved_at, List<Update> incident_updates) {
    }

    public record Indicator(String indicator, String description) {
    }

    public record Page(String name, Instant updated_at) {
    }

    public record Summary(Page page, Indicator status, List<PageIncident> incidents) {
    }

    public record Incidents(Page page, List<PageIncident> incidents) {
    }

    /** Every incident posted in the last 90 days, newest first (at most 50). */
    @WithSession
    public Uni<List<PageIncident>> incidents() {
        return updates.since(clock.instant().minus(HISTORY)).map(StatusPage::group);
    }

    /** The worst impact among unresolved incidents decides the page's indicator (Statuspage's vocabulary). */
    public static Indicator indicator(List<PageIncident> unresolved) {
        int worst = unresolved.stream().mapToInt(i -> rank(i.impact())).max().orElse(0);
        return switch (worst) {
            case 3 -> new Indicator("critical", "Major System Outage");
            case 2 -> new Indicator("major", "Partial System Outage");
            case 1 -> new Indicator("minor", "Minor Service Outage");
            default -> new Indicator("none", "All Systems Operational");
        };
    }

    /** Statuspage's impact of an incident of this priority. */
    public static String impact(Priority priority) {
        return switch (priority) {
            case P1 -> "critical";
            case P2 -> "major";
            case P3 -> "minor";
            default -> "none";
        };
    }

    private static int rank(String impact) {
        return switch (impact) {
            case "critical" -> 3;
            case "major" -> 2;
            case "minor" -> 1;
            default -> 0;
        };
    }

    static List<PageIncident> group(List<StatusPageUpdate> rows) {
        Map<UUID, List<StatusPageUpdate>> byIncident = new LinkedHashMap<>();
        rows.forEach(r -> byIncident.computeIfAbsent(r.incidentId, k -> new ArrayList<>()).add(r));
        List<PageIncident> incidents = new ArrayList<>();
        byIncident.forEach((id, posts) -> {
            StatusPageUpdate first = posts.get(0);
            StatusPageUpdate last = posts.get(posts.size() - 1);
            String status = last.state.toLowerCase();
            List<Update> shown = new ArrayList<>();
            for (int i = posts.size() - 1; i >= 0; i--) {
                StatusPageUpdate p = posts.get(i);
                shown.add(new Update(p.id, p.state.toLowerCase(), p.body, p.postedAt, p.postedAt, p.affectedServices));
            }
            incidents.add(new PageIncident(id, last.headline, status, last.impact, first.postedAt, last.postedAt,
                    "resolved".equals(status) ? last.postedAt : null, shown));
        });
        incidents.sort(Comparator.comparing(PageIncident::updated_at).reversed());
        return incidents.size() > 50 ? List.copyOf(incidents.subList(0, 50)) : incidents;
    }
}
