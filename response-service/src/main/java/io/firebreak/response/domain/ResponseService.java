package io.firebreak.response.domain;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.api.KeysetCursor;
import io.firebreak.platform.api.Page;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.events.Priority;
import io.firebreak.events.PriorityChanged;
import io.firebreak.events.TemporaryP1Expired;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import java.util.UUID;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Opens and advances incident responses. */
@ApplicationScoped
public class ResponseService {

    private final ResponseRecordRepository records;
    private final IncidentAccess access;
    private final Clock clock;

    public ResponseService(ResponseRecordRepository records, IncidentAccess access, Clock clock) {
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Opens the response of a declared incident in status {@code DECLARED}. An incident already
     * open stays as it is, so a second declared event for the same incident (a replay under a new
     * event id) cannot reset a response in progress.
     */
    @WithTransaction
    public Uni<Boolean> open(IncidentDeclared declared) {
        return records.findById(declared.incidentId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            ResponseRecord record = new ResponseRecord();
            record.incidentId = declared.incidentId();
            record.incidentKey = declared.key();
            record.title = declared.title();
            record.businessService = declared.businessService();
            record.priority = declared.priority();
            record.status = ResponseStatus.DECLARED;
            record.detectedAt = declared.detectedAt();
            record.declaredAt = declared.declaredAt();
            record.openedAt = clock.instant();
            record.statusChangedAt = record.openedAt;
            record.drill = Boolean.TRUE.equals(declared.drill());
            return records.persist(record).replaceWith(true);
        });
    }

    /**
     * Follows classification's priority: reclassification and temporary-P1 decisions (designated,
     * confirmed, downgraded) change the priority the response runs at; the post-mortem's final priority
     * does not (it is history). A decision on the priority settles a pending priority review.
     */
    @WithTransaction
    public Uni<Boolean> follow(PriorityChanged change) {
        if ("FINAL".equals(change.reason())) {
            return Uni.createFrom().item(false);
        }
        return records.findById(change.incidentId()).map(record -> {
            if (record == null) {
                return false;
            }
            record.priority = change.priority();
            if (!"TEMPORARY_P1_DESIGNATED".equals(change.reason())) {
                record.priorityReviewRequestedAt = null;
                record.priorityReviewEscalateTo = null;
            }
            return true;
        });
    }

    /**
     * A temporary P1 expired unconfirmed: the incident stays P1 (classification keeps it so) and the
     * response records that its priority must be re-reviewed, and by whom to escalate it.
     */
    @WithTransaction
    public Uni<Boolean> priorityReviewDue(TemporaryP1Expired expired) {
        return records.findById(expired.incidentId()).map(record -> {
            if (record == null) {
                return false;
            }
            record.priority = Priority.P1;
            record.priorityReviewRequestedAt = expired.expiredAt();
            record.priorityReviewEscalateTo = expired.escalateTo() == null ? new String[0]
                    : expired.escalateTo().toArray(String[]::new);
            return true;
        });
    }

    /**
     * Responses newest first, a page at a time; restricted incidents only for their war room (auditors and
     * admins see all), so a list never reveals what a lookup would answer 404 for.
     */
    @WithSession
    public Uni<Page<ResponseRecord>> page(Actor actor, ResponseStatus status, String after, int limit) {
        KeysetCursor cursor = KeysetCursor.decode(after);
        boolean all = IncidentAccess.seesEverything(actor);
        return records.page(status, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(),
                        all ? null : access.visibleCondition("r.incident_id::text", "person"), actor.user(), limit + 1)
                .map(found -> Page.of(found, limit, r -> new KeysetCursor(r.openedAt, r.incidentId).encode()));
    }

    /** The response record of an incident. */
    @WithSession
    public Uni<ResponseRecord> find(UUID incidentId) {
        return records.findById(incidentId);
    }
}
