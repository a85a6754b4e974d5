package io.firebreak.response.model.bridge;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One update given on the bridge: the status, the decisions taken, the next checkpoint. */
@Entity
@Table(name = "bridge_update")
public class BridgeUpdate {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String status;

    @Convert(converter = DecisionsColumn.class)
    @Column(nullable = false)
    public List<BridgeDecision> decisions;

    @Column(name = "next_checkpoint_at", nullable = false)
    public Instant nextCheckpointAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Given after the checkpoint it answered had passed. */
    @Column(nullable = false)
    public boolean late;

    @Converter
    public static class DecisionsColumn extends JsonColumn.Converter<List<BridgeDecision>> {
        public DecisionsColumn() {
            super(new TypeReference<>() { });
        }
    }
}
