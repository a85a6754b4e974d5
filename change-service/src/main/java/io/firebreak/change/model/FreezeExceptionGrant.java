package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A time-bound exception letting one emergency change be implemented inside the named freeze windows. */
@Entity
@Table(name = "freeze_exception")
public class FreezeExceptionGrant {

    @Id
    public UUID id;

    @Column(name = "change_id", nullable = false)
    public UUID changeId;

    @Convert(converter = CatalogService.Strings.class)
    @Column(nullable = false)
    public List<String> windows;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public String reason;

    @Column(name = "expired_at")
    public Instant expiredAt;
}
