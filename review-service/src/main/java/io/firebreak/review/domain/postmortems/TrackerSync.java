package io.firebreak.review.domain.postmortems;

import io.firebreak.platform.delivery.DeliveryOutcome;
import io.firebreak.platform.delivery.DeliveryOutcomeHandler;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.review.config.ReviewConfig;
import io.firebreak.review.domain.trackers.TrackerApi;
import io.firebreak.review.domain.trackers.TrackerApi.ItemText;
import io.firebreak.review.domain.trackers.TrackerApi.TrackerLink;
import io.firebreak.review.domain.trackers.TrackerTarget;
import io.firebreak.review.model.ActionItem;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.Tracker;
import io.firebreak.review.persistence.ReviewRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps a team's tracker in step with its action items: the issue is created in the transaction that creates the
 * item (an outbound delivery, retried until the tracker answers), its number or key and link are stored from the
 * tracker's answer, and completing the item in Firebreak closes the issue. Deliveries of one item leave in order.
 */
@ApplicationScoped
public class TrackerSync {

    static final String CREATE = "review.tracker-create";
    static final String CLOSE = "review.tracker-close";
    static final String COMMENT = "review.tracker-comment";

    private final ReviewRepository repository;
    private final OutboundDeliveries deliveries;
    private final ReviewConfig config;

    public TrackerSync(ReviewRepository repository, OutboundDeliveries deliveries, ReviewConfig config) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.config = config;
    }

    static TrackerApi api(Tracker t) {
        return new TrackerTarget(TrackerTarget.Kind.valueOf(t.kind), t.apiUrl, t.repository, t.projectKey, t.issueType, t.doneTransition,
                t.credential).api();
    }

    private static String orderingKey(ActionItem a) {
        return "tracker/" + a.id;
    }

    /** A new item of a team with a tracker: its issue is created (in the caller's transaction). */
    Uni<Void> created(Incident i, ActionItem a) {
        if (a.team == null) {
            return Uni.createFrom().voidItem();
        }
        return repository.trackerOf(a.team).chain(t -> {
            if (t == null) {
                return Uni.createFrom().voidItem();
            }
            a.trackerId = t.id;
            a.trackerStatus = "CREATING";
            ItemText text = new ItemText(i.incidentKey, a.title, a.description, a.owner, a.deadline, a.priority, a.type,
                    config.publicBaseUrl() + "/api/v1/review/incidents/" + i.incidentId + "/postmortem");
            return deliveries.enqueue(CREATE, a.id.toString(), orderingKey(a), api(t).create(text), null).replaceWithVoid();
        });
    }

    /** Completed in Firebreak: the issue is closed (once it exists; still being created, its creation's outcome closes it). */
    Uni<Void> completed(ActionItem a) {
        if (a.trackerRef == null || a.trackerStatus == null) {
            return Uni.createFrom().voidItem();
        }
        if (a.trackerStatus.startsWith("CLOSED_")) {
            a.trackerStatus = "CLOSED"; // closed there already, now done here too
            return Uni.createFrom().voidItem();
        }
        return "OPEN".equals(a.trackerStatus) ? close(a) : Uni.createFrom().voidItem();
    }

    private Uni<Void> close(ActionItem a) {
        return repository.tracker(a.trackerId).chain(t -> t == null ? Uni.createFrom().voidItem()
                : deliveries.enqueue(CLOSE, a.id.toString(), orderingKey(a), api(t).close(a.trackerRef), null).replaceWithVoid());
    }

    /** Tells the issue why Firebreak keeps the item open. */
    Uni<Void> comment(ActionItem a, String text) {
        return repository.tracker(a.trackerId).chain(t -> t == null ? Uni.createFrom().voidItem()
                : deliveries.enqueue(COMMENT, a.id.toString(), orderingKey(a), api(t).comment(a.trackerRef, text), null).replaceWithVoid());
    }

    Uni<Void> creationEnded(DeliveryOutcome outcome) {
        return repository.lockedItem(UUID.fromString(outcome.reference())).chain(a -> {
            if (a == null || a.trackerId == null || a.trackerRef != null) {
                return Uni.createFrom().voidItem(); // heard twice: linked already
            }
            return repository.tracker(a.trackerId).chain(t -> {
                TrackerLink link = outcome.delivered() && t != null ? api(t).created(outcome.response()) : null;
                if (link == null) {
                    a.trackerStatus = "FAILED";
                    a.trackerError = outcome.delivered() ? "the tracker's answer names no issue (HTTP " + outcome.lastStatus() + ")"
                            : outcome.lastError();
                    return Uni.createFrom().voidItem();
                }
                a.trackerRef = link.reference();
                a.trackerUrl = link.url();
                a.trackerStatus = "OPEN";
                a.trackerError = null;
                return "DONE".equals(a.state) ? close(a) : Uni.createFrom().voidItem();
            });
        });
    }

    Uni<Void> closingEnded(DeliveryOutcome outcome) {
        return repository.lockedItem(UUID.fromString(outcome.reference())).chain(a -> {
            if (a != null) {
                if (outcome.delivered()) {
                    a.trackerStatus = "CLOSED";
                    a.trackerError = null;
                } else {
                    a.trackerError = "closing the issue failed: " + outcome.lastError();
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    Uni<Void> commentEnded(DeliveryOutcome outcome) {
        return outcome.delivered() ? Uni.createFrom().voidItem() : repository.lockedItem(UUID.fromString(outcome.reference())).invoke(a -> {
            if (a != null) {
                a.trackerError = "commenting on the issue failed: " + outcome.lastError();
            }
        }).replaceWithVoid();
    }

    /** {@value #CREATE}. */
    @ApplicationScoped
    public static class Creations implements DeliveryOutcomeHandler {
        private final TrackerSync sync;

        public Creations(TrackerSync sync) {
            this.sync = sync;
        }

        @Override
        public String purpose() {
            return CREATE;
        }

        @Override
        public Uni<Void> finished(DeliveryOutcome outcome) {
            return sync.creationEnded(outcome);
        }
    }

    /** {@value #CLOSE}. */
    @ApplicationScoped
    public static class Closings implements DeliveryOutcomeHandler {
        private final TrackerSync sync;

        public Closings(TrackerSync sync) {
            this.sync = sync;
        }

        @Override
        public String purpose() {
            return CLOSE;
        }

        @Override
        public Uni<Void> finished(DeliveryOutcome outcome) {
            return sync.closingEnded(outcome);
        }
    }

    /** {@value #COMMENT}. */
    @ApplicationScoped
    public static class Comments implements DeliveryOutcomeHandler {
        private final TrackerSync sync;

        public Comments(TrackerSync sync) {
            this.sync = sync;
        }

        @Override
        public String purpose() {
            return COMMENT;
        }

        @Override
        public Uni<Void> finished(DeliveryOutcome outcome) {
            return sync.commentEnded(outcome);
        }
    }
}
