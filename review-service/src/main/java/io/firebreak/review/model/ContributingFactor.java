package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contributing factor of an incident, classified by the taxonomy and linked to evidence on its timeline. */
@Entity
@Table(name = "contributing_factor")
public class ContributingFactor {

    @Id
    public UUID id;

    @Column(name = "postmortem_id", nullable = false)
    public UUID postmortemId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String subcategory;

    @Column(nullable = false)
    public String description;

    @Convert(converter = Team.Strings.class)
    @Column(nullable = false)
    public List<String> evidence;

    @Column(nullable = false)
    public String service;

    public String team;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
