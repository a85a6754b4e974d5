package io.firebreak.response.model.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team's escalation policy: levels, how often to run through them again, and windows per priority. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String name;

    @Convert(converter = LevelsColumn.class)
    @Column(nullable = false)
    public List<EscalationLevel> levels;

    @Column(name = "repeat_count", nullable = false)
    public int repeatCount;

    @Column(name = "window_p1_seconds", nullable = false)
    public int windowP1Seconds;

    @Column(name = "window_p2_seconds", nullable = false)
    public int windowP2Seconds;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    /** The response roles (names of {@code ResponseRole}) of the team that this policy escalates. */
    @Column(nullable = false)
    public String[] roles = new String[0];

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @Converter
    public static class LevelsColumn extends JsonColumn.Converter<List<EscalationLevel>> {
        public LevelsColumn() {
            super(new TypeReference<>() { });
        }
    }
}
