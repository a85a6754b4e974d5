package io.firebreak.metrics.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A team and its members (response's team.changed): who resolved for which team. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false)
    public String name;

    @Convert(converter = Finding.Strings.class)
    @Column(nullable = false)
    public List<String> members;
}
