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

    /** The signed-off SLA per priority, as the catalog last published it (null: none). */
    @jakarta.persistence.Convert(converter = Sla.class)
    public java.util.Map<String, io.firebreak.events.ServiceChanged.Sla> sla;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Sla extends io.firebreak.platform.persistence.JsonColumn.Converter<java.util.Map<String, io.firebreak.events.ServiceChanged.Sla>> {
        public Sla() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
