package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;

/** A response team: its members take its on-call schedules; its manager is escalated to. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String manager;

    @Column(nullable = false)
    public String[] members;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean hasMember(String person) {
        return Arrays.asList(members).contains(person) || manager.equals(person);
    }
}
