package io.firebreak.metrics.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A data-quality finding of an incident: the rule, what it saw, the events that show it; resolved by a later event. */
@Entity
@Table(name = "data_quality_finding")
@IdClass(Finding.Key.class)
public class Finding {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    public String rule;

    @Column(nullable = false)
    public String detail;

    @Convert(converter = Strings.class)
    @Column(nullable = false)
    public List<String> evidence;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static class Key implements Serializable {
        public UUID incidentId;
        public String rule;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(incidentId, k.incidentId) && java.util.Objects.equals(rule, k.rule);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(incidentId, rule);
        }
    }

    public static class Strings extends JsonColumn.Converter<List<String>> {
        public Strings() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
