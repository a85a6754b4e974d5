package io.firebreak.events;

import java.util.Map;

/** Which payload record carries the data of each event type, for consumers that decode generically. */
public final class EventCatalog {

    /** Event type → payload record. */
    public static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry(EventTypes.INCIDENT_DECLARED, IncidentDeclared.class),
            Map.entry(EventTypes.INCIDENT_PRIORITY_CHANGED, PriorityChanged.class),
            Map.entry(EventTypes.INCIDENT_TEMPORARY_P1_DESIGNATED, TemporaryP1Designated.class),
            Map.entry(EventTypes.INCIDENT_TEMPORARY_P1_EXPIRED, TemporaryP1Expired.class),
            Map.entry(EventTypes.INCIDENT_CLASSIFICATION_DISPUTED, ClassificationDisputed.class),
            Map.entry(EventTypes.SERVICE_REGISTERED, ServiceChanged.class),
            Map.entry(EventTypes.SERVICE_UPDATED, ServiceChanged.class),
            Map.entry(EventTypes.POLICY_ACTIVATED, PolicyActivated.class),
            Map.entry(EventTypes.SIGNAL_RECEIVED, SignalReceived.class),
            Map.entry(EventTypes.CHANGE_RECEIVED, ChangeReceived.class),
            Map.entry(EventTypes.TEAM_CHANGED, TeamChanged.class),
            Map.entry(EventTypes.SCHEDULE_CHANGED, ScheduleChanged.class),
            Map.entry(EventTypes.OVERRIDE_CHANGED, OverrideChanged.class),
            Map.entry(EventTypes.QUALIFICATION_RECORDED, QualificationRecorded.class),
            Map.entry(EventTypes.AVAILABILITY_CHANGED, AvailabilityChanged.class),
            Map.entry(EventTypes.PAGE_TRIGGERED, PageTriggered.class),
            Map.entry(EventTypes.PAGE_DELIVERED, PageDelivered.class),
            Map.entry(EventTypes.PAGE_FAILED, PageFailed.class),
            Map.entry(EventTypes.PAGE_ACKNOWLEDGED, PageAcknowledged.class),
            Map.entry(EventTypes.ESCALATION_ESCALATED, EscalationEscalated.class),
            Map.entry(EventTypes.ESCALATION_WINDOW_BREACHED, EscalationWindowBreached.class),
            Map.entry(EventTypes.ESCALATION_DELAYED, EscalationDelayed.class),
            Map.entry(EventTypes.RESPONDER_ENGAGED, ResponderEngaged.class),
            Map.entry(EventTypes.RESPONSE_ACKNOWLEDGED, ResponseStatusChanged.class),
            Map.entry(EventTypes.RESPONSE_MITIGATED, ResponseStatusChanged.class),
            Map.entry(EventTypes.RESPONSE_RESOLVED, ResponseStatusChanged.class),
            Map.entry(EventTypes.RESPONSE_CLOSED, ResponseStatusChanged.class),
            Map.entry(EventTypes.RESPONSE_REOPENED, ResponseStatusChanged.class),
            Map.entry(EventTypes.ROLE_ASSIGNED, RoleAssigned.class),
            Map.entry(EventTypes.ROLE_RELEASED, RoleReleased.class),
            Map.entry(EventTypes.ROLE_HANDED_OVER, RoleHandedOver.class),
            Map.entry(EventTypes.ROLE_HANDOVER_DUE, RoleShiftEnding.class),
            Map.entry(EventTypes.ROLE_SHIFT_EXCEEDED, RoleShiftEnding.class),
            Map.entry(EventTypes.TRIAGE_HYPOTHESIS_CHANGED, HypothesisChanged.class),
            Map.entry(EventTypes.TRIAGE_FINDING_RECORDED, FindingRecorded.class),
            Map.entry(EventTypes.BRIDGE_UPDATE_RECORDED, BridgeUpdateRecorded.class),
            Map.entry(EventTypes.BRIDGE_UPDATE_OVERDUE, BridgeUpdateOverdue.class),
            Map.entry(EventTypes.RUNBOOK_ITEM_OVERDUE, RunbookItemOverdue.class),
            Map.entry(EventTypes.WARROOM_MEMBER_ADDED, WarRoomMemberChanged.class),
            Map.entry(EventTypes.WARROOM_MEMBER_REMOVED, WarRoomMemberChanged.class),
            Map.entry(EventTypes.WARROOM_RESTRICTED, IncidentRestrictionChanged.class),
            Map.entry(EventTypes.WARROOM_RESTRICTION_LIFTED, IncidentRestrictionChanged.class),
            Map.entry(EventTypes.DRILL_DEFINED, DrillDefined.class),
            Map.entry(EventTypes.READINESS_RECORDED, ReadinessRecorded.class),
            Map.entry(EventTypes.STATUS_PUBLISHED, StatusPublished.class),
            Map.entry(EventTypes.STATUS_UPDATE_OVERDUE, StatusUpdateOverdue.class),
            Map.entry(EventTypes.EXTERNAL_COMMS_SENT, ExternalCommunicationSent.class),
            Map.entry(EventTypes.LANGUAGE_APPROVED, LanguageApproved.class),
            Map.entry(EventTypes.MESSAGE_SENT, StakeholderMessageSent.class),
            Map.entry(EventTypes.EXEC_NOTIFICATION_REQUIRED, ExecutiveNotification.class),
            Map.entry(EventTypes.EXEC_NOTIFICATION_SENT, ExecutiveNotification.class),
            Map.entry(EventTypes.EXEC_NOTIFICATION_DELAYED, ExecutiveNotification.class),
            Map.entry(EventTypes.EXEC_NOTIFICATION_OVERDUE, ExecutiveNotification.class),
            Map.entry(EventTypes.ENGAGEMENT_STARTED, EngagementStarted.class),
            Map.entry(EventTypes.REGULATORY_CLOCK_STARTED, RegulatoryClock.class),
            Map.entry(EventTypes.REGULATORY_CLOCK_OVERDUE, RegulatoryClock.class),
            Map.entry(EventTypes.COMMENTARY_FLAGGED, CommentaryFlagged.class));

    private EventCatalog() {
    }
}
