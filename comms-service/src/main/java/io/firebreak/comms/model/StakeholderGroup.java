package io.firebreak.comms.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** People who hear about incidents of some business services and priorities, through their channels. */
@Entity
@Table(name = "stakeholder_group")
public class StakeholderGroup {

    public enum Kind { EXECUTIVES, SUPPORT, CUSTOMER_SUCCESS, CUSTOMER }

    public enum ChannelKind { EMAIL, SLACK, MATTERMOST, TEAMS, WEBHOOK }

    /** One way to reach the group: an e-mail address, a chat incoming-webhook URL or a signed-webhook URL. */
    public record Channel(ChannelKind kind, String address) {
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    /** Empty: every business service. */
    @Convert(converter = StringsColumn.class)
    @Column(name = "business_services", nullable = false)
    public List<String> businessServices;

    @Convert(converter = StringsColumn.class)
    @Column(nullable = false)
    public List<String> priorities;

    @Convert(converter = ChannelsColumn.class)
    @Column(nullable = false)
    public List<Channel> channels;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "include_restricted", nullable = false)
    public boolean includeRestricted;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    /** Whether a message for this audience about an incident of this service and priority reaches the group. */
    public boolean receives(Audience messageAudience, String businessService, String priority) {
        return audience == messageAudience && (businessServices.isEmpty() || businessServices.contains(businessService))
                && priorities.contains(priority);
    }

    public static class StringsColumn extends JsonColumn.Converter<List<String>> {
        public StringsColumn() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        }
    }

    public static class ChannelsColumn extends JsonColumn.Converter<List<Channel>> {
        public ChannelsColumn() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() { });
        }
    }
}
