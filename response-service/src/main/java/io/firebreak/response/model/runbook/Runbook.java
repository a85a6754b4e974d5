package io.firebreak.response.model.runbook;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.platform.persistence.JsonColumn;
import io.firebreak.events.Priority;
import io.firebreak.response.model.roles.IncidentRoleKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of the checklist of a role at a priority; versions are never changed, only added. */
@Entity
@Table(name = "runbook")
public class Runbook {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentRoleKind role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public int version;

    @Convert(converter = ItemsColumn.class)
    @Column(nullable = false)
    public List<RunbookItem> items;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Converter
    public static class ItemsColumn extends JsonColumn.Converter<List<RunbookItem>> {
        public ItemsColumn() {
            super(new TypeReference<>() { });
        }
    }
}
