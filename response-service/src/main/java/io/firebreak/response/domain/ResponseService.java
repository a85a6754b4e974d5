package io.firebreak.response.domain;

import io.firebreak.events.IncidentDeclared;
import io.firebreak.events.PriorityChanged;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Opens and advances incident responses. */
@ApplicationScoped
public class ResponseService {

    private final ResponseRecordRepository records;
    private final Clock clock;

    public ResponseService(ResponseRecordRepository records, Clock clock) {
        this.records = records;
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
            return records.persist(record).replaceWith(true);
        });
    }

    /**
     * Follows classification's priority: reclassification and temporary-P1 decisions change the
     * priority the response runs at; the post-mortem's final priority does not (it is history).
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
            return true;
        });
    }
}
