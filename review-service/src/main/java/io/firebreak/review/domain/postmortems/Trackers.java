package io.firebreak.review.domain.postmortems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.delivery.DeliveryConfig;
import io.firebreak.platform.delivery.Destinations;
import io.firebreak.platform.delivery.WebhookProofs;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.review.config.ReviewConfig;
import io.firebreak.review.domain.postmortems.ActionItems.TrackerEffect;
import io.firebreak.review.domain.trackers.TrackerApi.TrackerUpdate;
import io.firebreak.review.model.Tracker;
import io.firebreak.review.persistence.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Which tracker each team's action items go to, and what comes back from it. A team's tracker is set by an admin or
 * by a service owner who manages or belongs to the team; the token is never stored, only the name of a delivery
 * credential in the service's configuration. The tracker's webhooks are proved by an HMAC-SHA256 of the raw body with
 * the secret generated here ({@code X-Hub-Signature-256} from GitHub, {@code X-Hub-Signature} from a Jira admin webhook).
 */
@ApplicationScoped
public class Trackers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReviewRepository repository;
    private final ActionItems items;
    private final ReviewConfig config;
    private final DeliveryConfig delivery;
    private final Clock clock;

    public Trackers(ReviewRepository repository, ActionItems items, ReviewConfig config, DeliveryConfig delivery, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.config = config;
        this.delivery = delivery;
        this.clock = clock;
    }

    public record Settings(String kind, String apiUrl, String repository, String projectKey, String issueType, String doneTransition,
                           String credential, Boolean rotateSecret) {
    }

    /** The tracker, and its webhook secret when it was just generated (shown once). */
    public record Configured(Tracker tracker, String secret) {
    }

    private Uni<Void> requireAuthority(String team, Actor actor, boolean reading) {
        if (actor.isAdmin() || reading && actor.has(Roles.AUDITOR)) {
            return Uni.createFrom().voidItem();
        }
        return repository.teamsNamed(team).chain(teams -> {
            boolean ours = actor.has(Roles.SERVICE_OWNER)
                    && teams.stream().anyMatch(t -> actor.user().equals(t.manager) || t.members.contains(actor.user()));
            return ours ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(ProblemException.forbidden(actor.user() + " is not a service owner of team " + team));
        });
    }

    @WithSession
    public Uni<Tracker> of(String team, Actor actor) {
        return requireAuthority(team, actor, true).chain(() -> repository.trackerOf(team)).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("Tracker of team", team);
            }
            return t;
        });
    }

    @WithTransaction
    public Uni<Configured> configure(String team, Settings in, Actor actor) {
        List<Violation> problems = problems(in);
        return requireAuthority(team, actor, false).chain(() -> {
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(problems));
            }
            return repository.trackerOf(team).chain(existing -> {
                Tracker t = existing != null ? existing : new Tracker();
                boolean fresh = existing == null || Boolean.TRUE.equals(in.rotateSecret());
                if (existing == null) {
                    t.id = UUID.randomUUID();
                    t.team = team;
                }
                t.kind = in.kind();
                t.apiUrl = in.apiUrl().strip();
                boolean github = "GITHUB".equals(in.kind());
                t.repository = github ? in.repository().strip() : null;
                t.projectKey = github ? null : in.projectKey().strip();
                t.issueType = github ? null : in.issueType().strip();
                t.doneTransition = github ? null : in.doneTransition().strip();
                t.credential = in.credential().strip();
                if (fresh) {
                    byte[] bytes = new byte[32];
                    RANDOM.nextBytes(bytes);
                    t.webhookSecret = HexFormat.of().formatHex(bytes);
                }
                t.configuredBy = actor.user();
                t.configuredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Uni<Tracker> saved = existing == null ? repository.persist(t) : Uni.createFrom().item(t);
                return saved.map(x -> new Configured(x, fresh ? x.webhookSecret : null));
            });
        });
    }

    private List<Violation> problems(Settings in) {
        List<Violation> problems = new ArrayList<>();
        if (in == null) {
            problems.add(new Violation("body", "is required"));
            return problems;
        }
        if (!"GITHUB".equals(in.kind()) && !"JIRA".equals(in.kind())) {
            problems.add(new Violation("kind", "must be GITHUB or JIRA"));
        }
        String url = in.apiUrl() == null ? null : in.apiUrl().strip();
        String refusal = url == null || url.isEmpty() ? "is required"
                : Destinations.webhookUrlRefusal(url, config.allowHttpTrackers(), config.allowPrivateTrackerHosts());
        if (refusal != null) {
            problems.add(new Violation("apiUrl", refusal));
        }
        if ("GITHUB".equals(in.kind()) && (in.repository() == null || !in.repository().strip().matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}"))) {
            problems.add(new Violation("repository", "must be owner/name"));
        }
        if ("JIRA".equals(in.kind())) {
            if (in.projectKey() == null || !in.projectKey().strip().matches("[A-Z][A-Z0-9_]{1,19}")) {
                problems.add(new Violation("projectKey", "must be a Jira project key (e.g. OPS)"));
            }
            if (in.issueType() == null || in.issueType().isBlank() || in.issueType().length() > 100) {
                problems.add(new Violation("issueType", "is required (e.g. Task)"));
            }
            if (in.doneTransition() == null || !in.doneTransition().strip().matches("[0-9]{1,10}")) {
                problems.add(new Violation("doneTransition", "must be the id of the project's transition to done"));
            }
        }
        if (in.credential() == null || !in.credential().strip().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            problems.add(new Violation("credential", "must name a delivery credential (lower-case letters, digits, dashes)"));
        } else if (!delivery.credentials().containsKey(in.credential().strip())) {
            problems.add(new Violation("credential", "no credential named " + in.credential().strip()
                    + " is configured (firebreak.delivery.credentials." + in.credential().strip() + ")"));
        }
        return problems;
    }

    /** A business service as review knows it: the team its action items belong to, and that team's tracker if any. */
    public record ServiceRouting(String service, String owningTeam, Tracker tracker) {
    }

    @WithSession
    public Uni<ServiceRouting> routing(String service) {
        return repository.service(service).chain(s -> {
            if (s == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Business service", service));
            }
            return repository.trackerOf(s.owningTeam).map(t -> new ServiceRouting(s.name, s.owningTeam, t));
        });
    }

    @WithTransaction
    public Uni<Void> remove(String team, Actor actor) {
        return requireAuthority(team, actor, false).chain(() -> repository.trackerOf(team)).chain(t -> t == null
                ? Uni.createFrom().failure(ProblemException.notFound("Tracker of team", team)) : repository.remove(t));
    }

    /** A webhook delivery from the tracker; ignored unless it closes or reopens the issue of one of its items. */
    @WithSession
    public Uni<TrackerEffect> webhook(UUID trackerId, String githubEvent, String signature256, String signature, byte[] body) {
        return repository.tracker(trackerId).chain(t -> {
            if (t == null) {
                return Uni.createFrom().failure(ProblemException.unauthorized("Unknown tracker " + trackerId));
            }
            // Both send the WebSub form sha256=<hex HMAC-SHA256 of the raw body>, under different header names.
            String proof = "GITHUB".equals(t.kind) ? signature256 : signature;
            if (!WebhookProofs.githubValid(t.webhookSecret, body, proof)) {
                return Uni.createFrom().failure(ProblemException.unauthorized(("GITHUB".equals(t.kind) ? "X-Hub-Signature-256" : "X-Hub-Signature")
                        + " does not verify with this tracker's secret"));
            }
            JsonNode payload;
            try {
                payload = JSON.readTree(body);
            } catch (java.io.IOException e) {
                payload = null;
            }
            if (payload == null || !payload.isObject()) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("body", "is not a JSON object"))));
            }
            TrackerUpdate update = TrackerSync.api(t).update(githubEvent, payload);
            return update == null ? Uni.createFrom().item(TrackerEffect.UNCHANGED) : items.trackerUpdate(t.id, update);
        });
    }
}
