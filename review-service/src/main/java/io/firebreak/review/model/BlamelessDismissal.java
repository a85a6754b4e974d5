package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A blamelessness flag the author dismissed, with why (the sentence stays as written). */
@Entity
@Table(name = "blameless_dismissal")
@IdClass(BlamelessDismissal.Key.class)
public class BlamelessDismissal {

    @Id
    @Column(name = "postmortem_id")
    public UUID postmortemId;

    @Id
    public String rule;

    @Id
    public String sentence;

    @Column(nullable = false)
    public String reason;

    @Column(name = "dismissed_by", nullable = false)
    public String dismissedBy;

    @Column(name = "dismissed_at", nullable = false)
    public Instant dismissedAt;

    public static class Key implements Serializable {
        public UUID postmortemId;
        public String rule;
        public String sentence;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postmortemId, k.postmortemId) && Objects.equals(rule, k.rule)
                    && Objects.equals(sentence, k.sentence);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postmortemId, rule, sentence);
        }
    }
}
