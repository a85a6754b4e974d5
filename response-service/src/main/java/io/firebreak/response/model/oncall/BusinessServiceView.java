package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What response keeps of a catalog service (from classification's {@code service.*} events): who owns it. */
@Entity
@Table(name = "business_service")
public class BusinessServiceView {

    @Id
    public String name;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(name = "on_call_team")
    public String onCallTeam;

    @Column(nullable = false)
    public int tier;

    @Column(name = "customer_facing", nullable = false)
    public boolean customerFacing;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
