package io.firebreak.classification.model.catalog;

import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.JsonConverters;
import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A business service of the catalog. {@code sla} is the active SLA; changes wait for owner sign-off. */
@Entity
@Table(name = "business_service")
public class BusinessService {

    @Id
    public String name;

    @Column(nullable = false)
    public String description;

    public int tier;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Convert(converter = JsonConverters.Strings.class)
    @Column(nullable = false)
    public List<String> owners;

    @Column(name = "customer_facing")
    public boolean customerFacing;

    public boolean regulated;

    @Column(name = "on_call_team")
    public String onCallTeam;

    @Column(name = "users_total")
    public Long usersTotal;

    @Convert(converter = JsonConverters.Sla.class)
    @Column(nullable = false)
    public Map<Priority, SlaTarget> sla;

    @Convert(converter = JsonConverters.Facts.class)
    @Column(name = "default_impact")
    public ImpactFacts defaultImpact;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOwnedBy(String user) {
        return owners != null && owners.contains(user);
    }
}
