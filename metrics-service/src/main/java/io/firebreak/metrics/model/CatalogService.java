package io.firebreak.metrics.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business service and its owning team (classification's service.* events): the team dimension. */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    @Id
    public String name;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
