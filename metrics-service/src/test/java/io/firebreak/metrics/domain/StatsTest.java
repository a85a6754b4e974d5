package io.firebreak.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static List<Duration> minutes(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void percentilesAreNearestRankSoALongTailShowsBesideTheMean() {
        Stats s = Stats.of(minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 120));
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.meanSeconds()).isEqualTo(990.0); // 16.5 min: the 2-hour tail pulls the mean far past the median
        assertThat(s.p50Seconds()).isEqualTo(300);
        assertThat(s.p90Seconds()).isEqualTo(540);
    }

    @Test
    void oneValueIsEveryPercentileAndMissingValuesAreNotCounted() {
        List<Duration> values = new ArrayList<>(minutes(7));
        values.add(null);
        Stats s = Stats.of(values);
        assertThat(s).isEqualTo(new Stats(1, 420.0, 420L, 420L));
        assertThat(Stats.of(List.of())).isEqualTo(Stats.EMPTY);
    }
}
