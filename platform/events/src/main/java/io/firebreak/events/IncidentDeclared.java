package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INCIDENT_DECLARED}: an incident was declared. Subject and record key
 * are {@code incidentId}.
 *
 * @param incidentId   stable identifier of the incident across all services
 * @param key          human key, {@code INC-<year>-<sequence>}
 * @param title        short title
 * @param summary      what is known so far
 * @param businessService name of the affected business service
 * @param priority     priority at declaration
 * @param detectedAt   when the impact was first detected
 * @param declaredAt   when the incident was declared
 * @param declaredBy   user id of the declaring person or integration
 * @param responsibleTeams teams owning the business service and every service its failure affects
 *                     (classification's impact analysis at declaration), the parties response pages
 * @param drill        true for an exercise: paged and counted as a drill, never in real metrics
 * @param impact       the measured business impact at declaration (absent from older senders)
 * @param alertGroupId     the alert group an auto-declared incident came from
 * @param alertFingerprint that group's deduplication key (Alertmanager fingerprint, PagerDuty dedup_key): the same
 *                         alert firing again carries the same one, which is how metrics sees repeat failures
 */
public record IncidentDeclared(
        UUID incidentId,
        String key,
        String title,
        String summary,
        String businessService,
        Priority priority,
        Instant detectedAt,
        Instant declaredAt,
        String declaredBy,
        @OptionalField List<String> responsibleTeams,
        @OptionalField Boolean drill,
        @OptionalField ImpactSummary impact,
        @OptionalField UUID alertGroupId,
        @OptionalField String alertFingerprint) {

    /** Without the alert group (a declaration by a person, or the 0.4 shape). */
    public IncidentDeclared(UUID incidentId, String key, String title, String summary, String businessService, Priority priority,
                            Instant detectedAt, Instant declaredAt, String declaredBy, List<String> responsibleTeams, Boolean drill,
                            ImpactSummary impact) {
        this(incidentId, key, title, summary, businessService, priority, detectedAt, declaredAt, declaredBy, responsibleTeams, drill, impact,
                null, null);
    }

    /** Without the impact summary (the 0.2 shape). */
    public IncidentDeclared(UUID incidentId, String key, String title, String summary, String businessService, Priority priority,
                            Instant detectedAt, Instant declaredAt, String declaredBy, List<String> responsibleTeams, Boolean drill) {
        this(incidentId, key, title, summary, businessService, priority, detectedAt, declaredAt, declaredBy, responsibleTeams, drill, null);
    }

    /** The pre-0.2 shape, without responsible teams and drill flag. */
    public IncidentDeclared(UUID incidentId, String key, String title, String summary, String businessService, Priority priority,
                            Instant detectedAt, Instant declaredAt, String declaredBy) {
        this(incidentId, key, title, summary, businessService, priority, detectedAt, declaredAt, declaredBy, null, null, null);
    }
}
