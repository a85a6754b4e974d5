package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A code freeze: [startsAt, endsAt) over some services, or all when {@code services} is empty. */
@Entity
@Table(name = "freeze_window")
public class FreezeWindow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Convert(converter = CatalogService.Strings.class)
    @Column(nullable = false)
    public List<String> services;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
