package io.firebreak.change.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A version of the pre-authorised action catalog; the newest one is in force. */
@Entity
@Table(name = "action_catalog_version")
public class ActionCatalogVersion {

    @Id
    public int version;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false)
    public String note;

    @Convert(converter = Actions.class)
    @Column(nullable = false)
    public List<ActionType> actions;

    public ActionType action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    public static class Actions extends JsonColumn.Converter<List<ActionType>> {
        public Actions() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
