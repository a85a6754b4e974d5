package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Executives must hear about an incident because a threshold rule fired; due within the rule's window unless delayed with a justification. */
@Entity
@Table(name = "exec_notification")
public class ExecNotification {

    public enum State { PENDING, DELAYED, NOTIFIED, OVERDUE }

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public String reason;

    @Column(name = "fired_at", nullable = false)
    public Instant firedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "window_due_at", nullable = false)
    public Instant windowDueAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    @Column(name = "delayed_by")
    public String delayedBy;

    public String justification;

    @Column(name = "delayed_until")
    public Instant delayedUntil;

    @Column(name = "overdue_at")
    public Instant overdueAt;
}
