package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.metrics.model.IncidentLedger;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusinessImpactTest {

    private static final Instant DETECTED = Instant.parse("2026-03-02T10:00:00Z");

    private static IncidentLedger ledger() {
        IncidentLedger l = new IncidentLedger(UUID.randomUUID());
        l.declared("d", "INC-1", "checkout", "P1", DETECTED, DETECTED.plusSeconds(600), false);
        return l;
    }

    @Test
    void revenueImpactIsTheRateFromDetectionUntilMitigation() {
        IncidentLedger l = ledger();
        l.impactMeasured("d", DETECTED, 12_000.0, 5_000L);
        l.lifecycle("m", "MITIGATED", "INC-1", "checkout", "P1", false, DETECTED, DETECTED.plusSeconds(600), null,
                DETECTED.plusSeconds(5_400), null, null, 0, "dora", DETECTED.plusSeconds(5_400));
        assertThat(BusinessImpact.revenue(l)).isEqualTo(18_000.0); // 1.5 h × 12,000/h
        assertThat(BusinessImpact.customersAffected(l)).isEqualTo(5_000);
    }

    @Test
    void aLaterMeasurementAppliesFromItsMomentAndTheLargestCustomerCountCounts() {
        IncidentLedger l = ledger();
        l.impactMeasured("d", DETECTED, 10_000.0, 2_000L);
        l.impactMeasured("p", DETECTED.plusSeconds(1_800), 40_000.0, 9_000L);
        l.impactMeasured("p", DETECTED.plusSeconds(1_800), 40_000.0, 9_000L); // redelivered: once
        l.lifecycle("r", "RESOLVED", "INC-1", "checkout", "P1", false, DETECTED, DETECTED.plusSeconds(600), null, null,
                DETECTED.plusSeconds(3_600), null, 0, "dora", DETECTED.plusSeconds(3_600));
        // 0.5 h × 10,000 + 0.5 h × 40,000 (no mitigation reported: until resolution)
        assertThat(BusinessImpact.revenue(l)).isEqualTo(25_000.0);
        assertThat(BusinessImpact.customersAffected(l)).isEqualTo(9_000);
        assertThat(l.impacts).hasSize(2);
    }

    @Test
    void noRateOrNoEndMeansNotMeasuredNotZero() {
        IncidentLedger open = ledger();
        open.impactMeasured("d", DETECTED, 10_000.0, null);
        assertThat(BusinessImpact.revenue(open)).isNull();
        IncidentLedger unmeasured = ledger();
        unmeasured.lifecycle("r", "RESOLVED", "INC-1", "checkout", "P1", false, DETECTED, DETECTED.plusSeconds(600), null, null,
                DETECTED.plusSeconds(3_600), null, 0, "dora", DETECTED.plusSeconds(3_600));
        assertThat(BusinessImpact.revenue(unmeasured)).isNull();
        assertThat(BusinessImpact.customersAffected(unmeasured)).isNull();
    }

    @Test
    void slaTimeBreachedIsWhatAcknowledgementAndResolutionRanPastTheirTargets() {
        assertThat(BusinessImpact.slaBreachSeconds(420L, 3_000L, 5, 60)).isEqualTo(120);          // ack 2 min late, resolved in time
        assertThat(BusinessImpact.slaBreachSeconds(420L, 4_200L, 5, 60)).isEqualTo(120 + 600);    // and resolution 10 min late
        assertThat(BusinessImpact.slaBreachSeconds(60L, 600L, 5, 60)).isZero();
        assertThat(BusinessImpact.slaBreachSeconds(null, 4_200L, 5, 60)).isEqualTo(600);
        assertThat(BusinessImpact.slaBreachSeconds(420L, 4_200L, null, null)).isNull();
    }
}
