package io.firebreak.review.model;

import io.firebreak.platform.incident.IncidentColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An incident as review knows it: the facts platform {@code IncidentFacts} keeps (read-only), priority as text. */
@Entity
@Table(name = "incident")
public class Incident extends IncidentColumns {

    @Column(nullable = false, insertable = false, updatable = false)
    public String priority;
}
