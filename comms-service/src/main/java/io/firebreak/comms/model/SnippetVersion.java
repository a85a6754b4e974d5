package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a named piece of approved language ({@code {snippet.<name>}} in a template). Customer-facing: two approvers. */
@Entity
@Table(name = "snippet_version")
public class SnippetVersion {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LanguageState state;

    @Column(name = "authored_by", nullable = false)
    public String authoredBy;

    @Column(name = "authored_at", nullable = false)
    public Instant authoredAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;
}
