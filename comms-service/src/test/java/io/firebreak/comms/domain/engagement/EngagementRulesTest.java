package io.firebreak.comms.domain.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementRulesTest {

    private static final Instant DECLARED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static EngagementRules.Facts facts(String priority, Boolean customerFacing, String exposure, Boolean regulatory, Boolean regulated,
                                               Boolean breach, String availability, boolean media) {
        return new EngagementRules.Facts(priority, DECLARED, customerFacing, exposure, regulatory, regulated, breach, availability, media);
    }

    @Test
    void dataExposureEngagesLegalAndOnARegulatedServiceCompliance() {
        var met = EngagementRules.met(facts("P2", false, "CONFIRMED", null, true, null, null, false), HOUR, DECLARED);
        assertThat(met).containsOnlyKeys("LEGAL", "COMPLIANCE");
        assertThat(met.get("LEGAL")).containsExactly("data exposure confirmed");
        assertThat(met.get("COMPLIANCE")).containsExactly("data exposure on a regulated service");
        assertThat(EngagementRules.met(facts("P2", false, "NONE", null, true, null, null, false), HOUR, DECLARED)).isEmpty();
        assertThat(EngagementRules.met(facts("P3", false, null, null, null, true, null, false), HOUR, DECLARED).get("LEGAL"))
                .containsExactly("security breach");
    }

    @Test
    void aCustomerFacingP1EngagesPrOnlyAfterTheConfiguredTimeAndMediaAttentionAtOnce() {
        EngagementRules.Facts p1 = facts("P1", true, null, null, null, null, null, false);
        assertThat(EngagementRules.prCheckAt(p1, HOUR)).isEqualTo(DECLARED.plus(HOUR));
        assertThat(EngagementRules.met(p1, HOUR, DECLARED.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(EngagementRules.met(p1, HOUR, DECLARED.plus(HOUR)).get("PR")).containsExactly("customer-facing P1 open for 60 min");
        assertThat(EngagementRules.prCheckAt(facts("P1", false, null, null, null, null, null, false), HOUR)).isNull();
        assertThat(EngagementRules.met(facts("P3", false, null, null, null, null, null, true), HOUR, DECLARED).get("PR"))
                .containsExactly("media attention");
    }

    @Test
    void regulationsStartTheirClockOnTheirTrigger() {
        List<EngagementRules.Regulation> regs = List.of(new EngagementRules.Regulation("gdpr-art33", Duration.ofHours(72), "DATA_EXPOSURE", "SA"),
                new EngagementRules.Regulation("nis2", Duration.ofHours(24), "REGULATED_OUTAGE", "CSIRT"));
        assertThat(EngagementRules.clocks(facts("P2", null, "SUSPECTED", null, false, null, null, false), regs))
                .extracting(EngagementRules.Regulation::name).containsExactly("gdpr-art33");
        assertThat(EngagementRules.clocks(facts("P1", null, null, null, true, null, "UNAVAILABLE", false), regs))
                .extracting(EngagementRules.Regulation::name).containsExactly("nis2");
        assertThat(EngagementRules.clocks(facts("P1", null, null, null, false, null, "UNAVAILABLE", false), regs)).isEmpty();
        assertThat(EngagementRules.remaining(DECLARED.plus(Duration.ofHours(72)), DECLARED.plus(Duration.ofHours(70)))).isEqualTo(Duration.ofHours(2));
    }
}
