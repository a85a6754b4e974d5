package io.firebreak.events;

/**
 * CloudEvent {@code type} values: {@code io.firebreak.<context>.<event>.v<major>}. A type is a
 * public API: its payload only ever grows additively; a breaking change is a new major version.
 */
public final class EventTypes {

    public static final String INCIDENT_DECLARED = "io.firebreak.incident.declared.v1";
    public static final String INCIDENT_PRIORITY_CHANGED = "io.firebreak.incident.priority_changed.v1";
    public static final String INCIDENT_TEMPORARY_P1_DESIGNATED = "io.firebreak.incident.temporary_p1_designated.v1";
    public static final String INCIDENT_TEMPORARY_P1_EXPIRED = "io.firebreak.incident.temporary_p1_expired.v1";
    public static final String INCIDENT_CLASSIFICATION_DISPUTED = "io.firebreak.incident.classification_disputed.v1";
    public static final String SERVICE_REGISTERED = "io.firebreak.service.registered.v1";
    public static final String SERVICE_UPDATED = "io.firebreak.service.updated.v1";
    public static final String POLICY_ACTIVATED = "io.firebreak.policy.activated.v1";
    public static final String TEAM_CHANGED = "io.firebreak.team.changed.v1";
    public static final String SCHEDULE_CHANGED = "io.firebreak.oncall.schedule_changed.v1";
    public static final String OVERRIDE_CHANGED = "io.firebreak.oncall.override_changed.v1";
    public static final String QUALIFICATION_RECORDED = "io.firebreak.oncall.qualification_recorded.v1";
    public static final String AVAILABILITY_CHANGED = "io.firebreak.oncall.availability_changed.v1";
    public static final String PAGE_TRIGGERED = "io.firebreak.page.triggered.v1";
    public static final String PAGE_DELIVERED = "io.firebreak.page.delivered.v1";
    public static final String PAGE_FAILED = "io.firebreak.page.failed.v1";
    public static final String PAGE_ACKNOWLEDGED = "io.firebreak.page.acknowledged.v1";
    public static final String ESCALATION_ESCALATED = "io.firebreak.escalation.escalated.v1";
    public static final String ESCALATION_WINDOW_BREACHED = "io.firebreak.escalation.window_breached.v1";
    public static final String ESCALATION_DELAYED = "io.firebreak.escalation.delayed.v1";
    public static final String RESPONDER_ENGAGED = "io.firebreak.responder.engaged.v1";
    public static final String RESPONSE_ACKNOWLEDGED = "io.firebreak.response.acknowledged.v1";
    public static final String RESPONSE_MITIGATED = "io.firebreak.response.mitigated.v1";
    public static final String RESPONSE_RESOLVED = "io.firebreak.response.resolved.v1";
    public static final String RESPONSE_CLOSED = "io.firebreak.response.closed.v1";
    public static final String RESPONSE_REOPENED = "io.firebreak.response.reopened.v1";
    public static final String ROLE_ASSIGNED = "io.firebreak.role.assigned.v1";
    public static final String ROLE_RELEASED = "io.firebreak.role.released.v1";
    public static final String ROLE_HANDED_OVER = "io.firebreak.role.handed_over.v1";
    public static final String ROLE_HANDOVER_DUE = "io.firebreak.role.handover_due.v1";
    public static final String ROLE_SHIFT_EXCEEDED = "io.firebreak.role.shift_exceeded.v1";
    public static final String TRIAGE_HYPOTHESIS_CHANGED = "io.firebreak.triage.hypothesis_changed.v1";
    public static final String TRIAGE_FINDING_RECORDED = "io.firebreak.triage.finding_recorded.v1";
    public static final String BRIDGE_UPDATE_RECORDED = "io.firebreak.bridge.update_recorded.v1";
    public static final String BRIDGE_UPDATE_OVERDUE = "io.firebreak.bridge.update_overdue.v1";
    public static final String RUNBOOK_ITEM_OVERDUE = "io.firebreak.runbook.item_overdue.v1";
    public static final String WARROOM_MEMBER_ADDED = "io.firebreak.warroom.member_added.v1";
    public static final String WARROOM_MEMBER_REMOVED = "io.firebreak.warroom.member_removed.v1";
    public static final String WARROOM_RESTRICTED = "io.firebreak.warroom.restricted.v1";
    public static final String WARROOM_RESTRICTION_LIFTED = "io.firebreak.warroom.restriction_lifted.v1";
    public static final String DRILL_DEFINED = "io.firebreak.drill.defined.v1";
    public static final String READINESS_RECORDED = "io.firebreak.readiness.recorded.v1";
    /** On {@link Topics#COMMS}: a new version of an incident's status. */
    public static final String STATUS_PUBLISHED = "io.firebreak.status.published.v1";
    public static final String STATUS_UPDATE_OVERDUE = "io.firebreak.status.update_overdue.v1";
    public static final String EXTERNAL_COMMS_SENT = "io.firebreak.external_comms.sent.v1";
    public static final String MESSAGE_SENT = "io.firebreak.message.sent.v1";
    public static final String EXEC_NOTIFICATION_REQUIRED = "io.firebreak.exec_notification.required.v1";
    public static final String EXEC_NOTIFICATION_SENT = "io.firebreak.exec_notification.sent.v1";
    public static final String EXEC_NOTIFICATION_DELAYED = "io.firebreak.exec_notification.delayed.v1";
    public static final String EXEC_NOTIFICATION_OVERDUE = "io.firebreak.exec_notification.overdue.v1";
    public static final String ENGAGEMENT_STARTED = "io.firebreak.engagement.started.v1";
    public static final String REGULATORY_CLOCK_STARTED = "io.firebreak.regulatory_clock.started.v1";
    public static final String REGULATORY_CLOCK_OVERDUE = "io.firebreak.regulatory_clock.overdue.v1";
    public static final String COMMENTARY_FLAGGED = "io.firebreak.commentary.flagged.v1";
    /** On {@link Topics#COMMS}, keyed by the template or snippet (not an incident): approved language became usable. */
    public static final String LANGUAGE_APPROVED = "io.firebreak.language.approved.v1";
    /** On {@link Topics#CHANGE}, key = incident id: the transitions of an emergency change (data {@link ChangeTransition}). */
    public static final String CHANGE_REQUESTED = "io.firebreak.change.requested.v1";
    public static final String CHANGE_APPROVED = "io.firebreak.change.approved.v1";
    public static final String CHANGE_REJECTED = "io.firebreak.change.rejected.v1";
    public static final String CHANGE_CANCELLED = "io.firebreak.change.cancelled.v1";
    public static final String CHANGE_IMPLEMENTATION_STARTED = "io.firebreak.change.implementation_started.v1";
    public static final String CHANGE_IMPLEMENTED = "io.firebreak.change.implemented.v1";
    public static final String CHANGE_VALIDATED = "io.firebreak.change.validated.v1";
    public static final String CHANGE_ROLLED_BACK = "io.firebreak.change.rolled_back.v1";
    public static final String CHANGE_DOCUMENTED = "io.firebreak.change.documented.v1";
    public static final String CHANGE_VALIDATION_OVERDUE = "io.firebreak.change.validation_overdue.v1";
    public static final String CHANGE_DOCUMENTATION_OVERDUE = "io.firebreak.change.documentation_overdue.v1";
    public static final String FREEZE_EXCEPTION_GRANTED = "io.firebreak.freeze_exception.granted.v1";
    public static final String FREEZE_EXCEPTION_EXPIRED = "io.firebreak.freeze_exception.expired.v1";
    /** A commit or deploy linked to an incident (and change): referenced by its message, or deployed during the incident. */
    public static final String CHANGE_LINKED = "io.firebreak.change.linked.v1";
    /** A finding for the post-mortem: a deploy in a freeze without exception, an undocumented change, an alignment override. */
    public static final String CHANGE_FLAGGED = "io.firebreak.change.flagged.v1";
    public static final String CHANGE_REGRESSION_SUSPECTED = "io.firebreak.change.regression_suspected.v1";
    public static final String CHANGE_EFFECTIVENESS_REVIEWED = "io.firebreak.change.effectiveness_reviewed.v1";
    public static final String CHANGE_EFFECTIVENESS_OVERDUE = "io.firebreak.change.effectiveness_overdue.v1";
    /** Keyed {@code action-catalog}: a new version of the pre-authorised action catalog. */
    public static final String ACTION_CATALOG_UPDATED = "io.firebreak.change.action_catalog_updated.v1";
    /** On {@link Topics#REVIEW}, key = incident id: a post-mortem's life (data {@link PostmortemEvent}). */
    public static final String POSTMORTEM_OPENED = "io.firebreak.postmortem.opened.v1";
    public static final String POSTMORTEM_PUBLISHED = "io.firebreak.postmortem.published.v1";
    public static final String POSTMORTEM_OVERDUE = "io.firebreak.postmortem.overdue.v1";
    public static final String ACTION_ITEM_CREATED = "io.firebreak.action_item.created.v1";
    public static final String ACTION_ITEM_COMPLETED = "io.firebreak.action_item.completed.v1";
    public static final String ACTION_ITEM_OVERDUE = "io.firebreak.action_item.overdue.v1";
    /** On {@link Topics#REVIEW}, key = business service: an architectural review of a repeat failure (data {@link ArchitectureReviewEvent}). */
    public static final String ARCHITECTURE_REVIEW_OPENED = "io.firebreak.architecture_review.opened.v1";
    public static final String ARCHITECTURE_REVIEW_COMPLETED = "io.firebreak.architecture_review.completed.v1";
    public static final String ARCHITECTURE_REVIEW_OVERDUE = "io.firebreak.architecture_review.overdue.v1";
    /** On {@link Topics#METRICS}, key = incident id: a data validation finding, or its resolution (data {@link DataQualityFinding}). */
    public static final String DATA_QUALITY_FINDING = "io.firebreak.data_quality.finding.v1";
    /** On {@link Topics#METRICS}, key = business service: recurring incidents reached the threshold (data {@link RecurrenceThresholdBreached}). */
    public static final String RECURRENCE_THRESHOLD_BREACHED = "io.firebreak.recurrence.threshold_breached.v1";
    public static final String BUSINESS_OUTCOME_RECORDED = "io.firebreak.business_outcome.recorded.v1";
    public static final String GOVERNANCE_REVIEW_RECORDED = "io.firebreak.governance.review_recorded.v1";
    public static final String RESPONDER_SURVEY_ANSWERED = "io.firebreak.responder_survey.answered.v1";
    /** A timeline validation flag that must be resolved before publication. */
    public static final String TIMELINE_FLAG_RAISED = "io.firebreak.timeline.flag_raised.v1";
    /** On {@link Topics#SIGNALS}: an alert event accepted at intake (trigger, acknowledge or resolve). */
    public static final String SIGNAL_RECEIVED = "io.firebreak.signal.received.v1";
    /** On {@link Topics#SIGNALS}: a change event accepted at intake, for the change service. */
    public static final String CHANGE_RECEIVED = "io.firebreak.signal.change_received.v1";

    private EventTypes() {
    }
}
