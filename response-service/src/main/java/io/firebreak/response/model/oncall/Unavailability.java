package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person is not to be paged from–to; succession covers them. A withdrawn mark stays, cancelled. */
@Entity
@Table(name = "unavailability")
public class Unavailability {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String person;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

    @Column(name = "marked_by", nullable = false)
    public String markedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;
}
