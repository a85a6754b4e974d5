package io.firebreak.metrics.model;

import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One incident: the ledger of everything metrics heard about it, and the figures computed from it. */
@Entity
@Table(name = "incident_metric")
public class IncidentMetric {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key")
    public String incidentKey;

    @Column(name = "business_service")
    public String businessService;

    public String priority;

    @Column(name = "initial_priority")
    public String initialPriority;

    @Column(nullable = false)
    public boolean drill;

    @Column(name = "alert_group_id")
    public UUID alertGroupId;

    @Column(name = "declared_at")
    public Instant declaredAt;

    /** The ledger's alert fingerprint and contributing factors, kept as columns so recurrence can find shared causes. */
    @Column(name = "alert_fingerprint")
    public String alertFingerprint;

    @Column(nullable = false)
    public String[] factors = new String[0];

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "mtta_seconds")
    public Long mttaSeconds;

    @Column(name = "mttr_seconds")
    public Long mttrSeconds;

    @Column(name = "mtte_seconds")
    public Long mtteSeconds;

    @Column(nullable = false)
    public boolean included;

    /** Revenue lost over the impact window (BusinessImpact); null: not measured or not over. */
    @Column(name = "revenue_impact")
    public Double revenueImpact;

    @Column(name = "customers_affected")
    public Long customersAffected;

    @Convert(converter = Ledger.class)
    @org.hibernate.annotations.Mutability(LedgerCopies.class)
    @Column(nullable = false)
    public IncidentLedger ledger;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * The ledger is changed in place by each fold, so Hibernate keeps a copy of it as loaded; by default that copy is
     * a JSON write and read (the converter's round trip).
     */
    public static class LedgerCopies extends org.hibernate.type.descriptor.java.MutableMutabilityPlan<IncidentLedger> {
        @Override
        protected IncidentLedger deepCopyNotNull(IncidentLedger value) {
            return value.copy();
        }
    }

    public static class Ledger extends JsonColumn.Converter<IncidentLedger> {
        public Ledger() {
            super(new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        }
    }
}
