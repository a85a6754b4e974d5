package io.firebreak.review.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A team with its manager and members (response's team.changed). */
@Entity
@Table(name = "team")
public class Team {

    @Id
    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String manager;

    @Convert(converter = Strings.class)
    @Column(nullable = false)
    public List<String> members;

    public static class Strings extends JsonColumn.Converter<List<String>> {
        public Strings() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
