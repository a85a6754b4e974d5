package io.firebreak.response.model.oncall;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A person's rules for one urgency (P1 or P2): which methods after which delay, and how often to repeat. */
@Entity
@Table(name = "notification_rules")
@IdClass(NotificationRules.Key.class)
public class NotificationRules {

    @Id
    public String person;

    @Id
    public String urgency;

    @Convert(converter = StepsColumn.class)
    @Column(nullable = false)
    public List<NotificationStep> steps;

    @Column(name = "repeat_minutes")
    public Integer repeatMinutes;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String person;
        public String urgency;

        public Key() {
        }

        public Key(String person, String urgency) {
            this.person = person;
            this.urgency = urgency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(person, k.person) && Objects.equals(urgency, k.urgency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(person, urgency);
        }
    }

    @Converter
    public static class StepsColumn extends JsonColumn.Converter<List<NotificationStep>> {
        public StepsColumn() {
            super(new TypeReference<>() { });
        }
    }
}
