package io.firebreak.change.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A business service of classification's catalog and what it depends on directly (from service.* events). */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    @Id
    public String name;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Convert(converter = Strings.class)
    @Column(name = "depends_on", nullable = false)
    public List<String> dependsOn;

    @Column(nullable = false)
    public boolean removed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A JSON list of names. */
    public static class Strings extends JsonColumn.Converter<List<String>> {
        public Strings() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
