package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business service and its owning team (classification's service.* events), for trends by team. */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    @Id
    public String name;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @jakarta.persistence.Convert(converter = Team.Strings.class)
    public java.util.List<String> owners;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
