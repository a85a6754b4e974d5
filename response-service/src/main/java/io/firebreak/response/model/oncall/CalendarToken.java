package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's calendar-feed token, stored as its SHA-256 only. */
@Entity
@Table(name = "calendar_token")
public class CalendarToken {

    @Id
    public String person;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
