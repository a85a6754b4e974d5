package io.firebreak.comms.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Another platform's endpoint for comms' events, signed per Standard Webhooks with its own secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    /** Short event types (e.g. {@code status.published}). */
    @Convert(converter = TypesColumn.class)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;

    /** The Standard Webhooks secret ({@code whsec_…}); shown once, when the subscription is created. */
    @Column(nullable = false)
    public String secret;

    /** Whether events of restricted incidents reach it (only an admin may say so). */
    @Column(name = "include_restricted", nullable = false)
    public boolean includeRestricted;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public static class TypesColumn extends JsonColumn.Converter<List<String>> {
        public TypesColumn() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        }
    }
}
