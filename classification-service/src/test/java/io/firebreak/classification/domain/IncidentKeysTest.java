package io.firebreak.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentKeysTest {

    @Test
    void keyCarriesYearAndZeroPaddedSequence() {
        assertThat(IncidentKeys.format(2026, 1)).isEqualTo("INC-2026-0001");
        assertThat(IncidentKeys.format(2026, 12345)).isEqualTo("INC-2026-12345");
    }

    @Test
    void sequenceStartsAtOne() {
        assertThatThrownBy(() -> IncidentKeys.format(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreToldApartFromIds() {
        assertThat(IncidentKeys.looksLikeKey("INC-2026-0042")).isTrue();
        assertThat(IncidentKeys.looksLikeKey("5f0c2a8e-8d7e-4a57-9a53-0c1f7b1f2a11")).isFalse();
        assertThat(IncidentKeys.looksLikeKey("INC-26-1")).isFalse();
    }
}
