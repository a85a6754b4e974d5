package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A team's issue tracker: GitHub Issues or a Jira project, the named credential to call it, the secret proving its webhooks. */
@Entity
@Table(name = "tracker")
public class Tracker {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public String kind;

    @Column(name = "api_url", nullable = false)
    public String apiUrl;

    public String repository;

    @Column(name = "project_key")
    public String projectKey;

    @Column(name = "issue_type")
    public String issueType;

    @Column(name = "done_transition")
    public String doneTransition;

    @Column(nullable = false)
    public String credential;

    @Column(name = "webhook_secret", nullable = false)
    public String webhookSecret;

    @Column(name = "configured_by", nullable = false)
    public String configuredBy;

    @Column(name = "configured_at", nullable = false)
    public Instant configuredAt;

    @Version
    public long version;
}
