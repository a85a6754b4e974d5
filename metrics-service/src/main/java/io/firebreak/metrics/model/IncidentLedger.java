package io.firebreak.metrics.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What metrics knows of one incident, folded from every service's events in whatever order they arrive and however
 * often: each event is applied once (by its id), first moments keep the earliest report, and response's lifecycle
 * record is taken only when it is not older than what was applied (reopen count, then lifecycle rank). Pure; stored
 * as JSON beside the incident's row, so the metrics are always recomputed from everything known.
 */
public final class IncidentLedger {

    /** An applied event: its id, type and the moment it reports, the provenance of a finding. */
    public record Observation(String eventId, String type, String source, Instant at) {
    }

    /** A priority decision after declaration (reason as classification publishes it). */
    public record Decision(String priority, String reason, Instant at, String eventId) {
    }

    /** One escalation hop: from a level to the next, the time the level had, the team it reached. */
    public record Hop(int fromLevel, int toLevel, String teamId, Instant levelStartedAt, Instant escalatedAt, String eventId) {
    }

    /** A measurement of business impact: revenue lost per hour and users affected from this moment on (either may be unknown). */
    public record Impact(Instant at, Double revenueLossPerHour, Long usersAffected) {
    }

    /** A page: to whom (and their team), when. */
    public record Page(String person, String teamId, Instant at, String eventId) {
    }

    public UUID incidentId;
    public String key;
    public String service;
    public Boolean drill;
    public boolean declarationSeen;
    /** When metrics folded the first event of the incident (its clock); null in ledgers folded before it was kept. */
    public Instant firstHeardAt;
    public Instant detectedAt;
    public Instant declaredAt;
    /** The declaration moment as response recorded it (compared with classification's for clock skew). */
    public Instant declaredAtByResponse;
    public String initialPriority;
    public String priority;
    public String finalPriority;
    public List<Decision> decisions = new ArrayList<>();
    public List<Instant> disputes = new ArrayList<>();
    public List<Page> pages = new ArrayList<>();
    public Instant firstAcknowledgedAt;
    public List<Hop> hops = new ArrayList<>();
    public String status;
    public int reopenCount;
    public Instant mitigatedAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public String resolvedBy;
    /** The alert group's deduplication key of an auto-declared incident: the same alert firing again has the same one. */
    public String alertFingerprint;
    /** The alert group an auto-declared incident came from: two incidents of one group are a duplicate. */
    public UUID alertGroupId;
    /** The contributing factors of its published post-mortem ({@code category/subcategory}). */
    public Set<String> factors = new LinkedHashSet<>();
    /** Impact measurements by the event that carried them (classification's declaration and reclassifications). */
    public java.util.Map<String, Impact> impacts = new java.util.LinkedHashMap<>();
    public List<Observation> observations = new ArrayList<>();
    public Set<String> applied = new LinkedHashSet<>();

    public IncidentLedger() {
    }

    public IncidentLedger(UUID incidentId) {
        this.incidentId = incidentId;
    }

    /**
     * A copy sharing no collection with this ledger (the records in them are immutable): what Hibernate keeps as the
     * loaded state to compare at flush. Written out rather than a JSON round trip, which cost metrics-service 12 % of its
     * CPU under load; {@code IncidentLedgerTest} checks that every field is copied.
     */
    public IncidentLedger copy() {
        IncidentLedger c = new IncidentLedger(incidentId);
        c.key = key;
        c.service = service;
        c.drill = drill;
        c.declarationSeen = declarationSeen;
        c.firstHeardAt = firstHeardAt;
        c.detectedAt = detectedAt;
        c.declaredAt = declaredAt;
        c.declaredAtByResponse = declaredAtByResponse;
        c.initialPriority = initialPriority;
        c.priority = priority;
        c.finalPriority = finalPriority;
        c.decisions = new ArrayList<>(decisions);
        c.disputes = new ArrayList<>(disputes);
        c.pages = new ArrayList<>(pages);
        c.firstAcknowledgedAt = firstAcknowledgedAt;
        c.hops = new ArrayList<>(hops);
        c.status = status;
        c.reopenCount = reopenCount;
        c.mitigatedAt = mitigatedAt;
        c.resolvedAt = resolvedAt;
        c.closedAt = closedAt;
        c.resolvedBy = resolvedBy;
        c.alertFingerprint = alertFingerprint;
        c.alertGroupId = alertGroupId;
        c.factors = new LinkedHashSet<>(factors);
        c.impacts = new java.util.LinkedHashMap<>(impacts);
        c.observations = new ArrayList<>(observations);
        c.applied = new LinkedHashSet<>(applied);
        return c;
    }

    /** Whether the event was new (and is now recorded); a redelivered one changes nothing. */
    private boolean first(String eventId, String type, String source, Instant at) {
        if (!applied.add(eventId)) {
            return false;
        }
        observations.add(new Observation(eventId, type, source, at));
        return true;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    public void declared(String eventId, String key, String service, String priority, Instant detectedAt, Instant declaredAt, boolean drill) {
        declared(eventId, key, service, priority, detectedAt, declaredAt, drill, null, null);
    }

    public void declared(String eventId, String key, String service, String priority, Instant detectedAt, Instant declaredAt, boolean drill,
                         UUID alertGroupId, String alertFingerprint) {
        if (!first(eventId, "incident.declared", "classification", declaredAt)) {
            return;
        }
        this.alertGroupId = alertGroupId;
        this.alertFingerprint = alertFingerprint;
        this.declarationSeen = true;
        this.key = key;
        this.service = service;
        this.drill = drill;
        this.detectedAt = earliest(this.detectedAt, detectedAt);
        this.declaredAt = declaredAt;
        this.initialPriority = priority;
        if (this.priority == null || decisions.isEmpty()) {
            this.priority = priority;
        }
    }

    public void priorityChanged(String eventId, String priority, String reason, Instant at) {
        if (!first(eventId, "incident.priority_changed", "classification", at)) {
            return;
        }
        if ("FINAL".equals(reason)) {
            finalPriority = priority;
            return;
        }
        decisions.add(new Decision(priority, reason, at, eventId));
        decisions.sort(java.util.Comparator.comparing(Decision::at));
        this.priority = decisions.get(decisions.size() - 1).priority();
    }

    /** The event measured the incident's impact as of {@code at}; once per event, however often it is delivered. */
    public void impactMeasured(String eventId, Instant at, Double revenueLossPerHour, Long usersAffected) {
        if (at != null && (revenueLossPerHour != null || usersAffected != null)) {
            impacts.putIfAbsent(eventId, new Impact(at, revenueLossPerHour, usersAffected));
        }
    }

    public void disputed(String eventId, Instant at) {
        if (first(eventId, "incident.classification_disputed", "classification", at)) {
            disputes.add(at);
        }
    }

    public void paged(String eventId, String person, String teamId, Instant declaredAt, Instant at, boolean drill) {
        if (!first(eventId, "page.triggered", "response", at)) {
            return;
        }
        pages.add(new Page(person, teamId, at, eventId));
        pages.sort(java.util.Comparator.comparing(Page::at));
        responseSaw(declaredAt, drill);
    }

    public void acknowledged(String eventId, Instant declaredAt, Instant at, boolean drill) {
        if (!first(eventId, "page.acknowledged", "response", at)) {
            return;
        }
        firstAcknowledgedAt = earliest(firstAcknowledgedAt, at);
        responseSaw(declaredAt, drill);
    }

    public void escalated(String eventId, int fromLevel, int toLevel, String teamId, Instant levelStartedAt, Instant at, boolean drill) {
        if (!first(eventId, "escalation.escalated", "response", at)) {
            return;
        }
        hops.add(new Hop(fromLevel, toLevel, teamId, levelStartedAt, at, eventId));
        hops.sort(java.util.Comparator.comparing(Hop::escalatedAt));
        if (this.drill == null) {
            this.drill = drill;
        }
    }

    private void responseSaw(Instant declaredAt, boolean drill) {
        if (declaredAt != null && declaredAtByResponse == null) {
            declaredAtByResponse = declaredAt;
        }
        if (this.drill == null) {
            this.drill = drill;
        }
    }

    private static int rank(String status) {
        return switch (status) {
            case "ACKNOWLEDGED" -> 1;
            case "MITIGATED" -> 2;
            case "RESOLVED" -> 3;
            case "CLOSED" -> 4;
            default -> 0; // DECLARED, REOPENED
        };
    }

    /** Response's record after a transition; an older record than the one applied (late redelivery) is only observed. */
    public void lifecycle(String eventId, String status, String key, String service, String priority, boolean drill, Instant detectedAt,
                          Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt, Instant closedAt, int reopenCount,
                          String changedBy, Instant changedAt) {
        if (!first(eventId, "response." + status.toLowerCase(java.util.Locale.ROOT), "response", changedAt)) {
            return;
        }
        if (this.key == null) {
            this.key = key;
            this.service = service;
            this.priority = priority;
            this.initialPriority = priority;
        }
        this.detectedAt = earliest(this.detectedAt, detectedAt);
        if (this.declaredAt == null) {
            this.declaredAt = declaredAt;
        }
        responseSaw(declaredAt, drill);
        firstAcknowledgedAt = earliest(firstAcknowledgedAt, acknowledgedAt);
        boolean newer = this.status == null || reopenCount > this.reopenCount
                || reopenCount == this.reopenCount && rank(status) >= rank(this.status);
        if (!newer) {
            return;
        }
        this.status = status;
        this.reopenCount = reopenCount;
        this.mitigatedAt = mitigatedAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        if ("RESOLVED".equals(status)) {
            this.resolvedBy = changedBy;
        }
    }

    /** The post-mortem was published with these factors (a later publication, e.g. after a reopening, replaces them). */
    public void postmortemPublished(String eventId, List<String> factors, Instant at) {
        if (first(eventId, "postmortem.published", "review", at)) {
            this.factors = new LinkedHashSet<>(factors == null ? List.of() : factors);
        }
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean drillIncident() {
        return Boolean.TRUE.equals(drill);
    }
}
