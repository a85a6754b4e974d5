package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A public post a monitoring tool reported, and the incidents it was flagged to. */
@Entity
@Table(name = "commentary_mention")
public class CommentaryMention {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public boolean staff;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String text;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Convert(converter = StakeholderGroup.StringsColumn.class)
    @Column(nullable = false)
    public List<String> flagged;
}
