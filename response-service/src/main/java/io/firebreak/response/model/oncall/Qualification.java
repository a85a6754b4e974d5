package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's qualification for a response role: trained on, valid from–until, with evidence. */
@Entity
@Table(name = "qualification")
public class Qualification {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponseRole role;

    @Column(name = "trained_on", nullable = false)
    public LocalDate trainedOn;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
