package io.firebreak.metrics.model.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogHistogramTest {

    @Test
    void everyDurationBelow32SecondsHasItsOwnBucket() {
        for (long s = 0; s < 32; s++) {
            assertThat(LogHistogram.lowerBound(LogHistogram.bucket(s))).isEqualTo(s);
            assertThat(LogHistogram.middle(LogHistogram.bucket(s))).isEqualTo(s);
        }
    }

    @Test
    void aBucketHoldsItsLowerBoundAndIsAtMostOneSixteenthOfItsValuesWide() {
        for (long s = 32; s < 5_000_000; s = s * 21 / 20 + 1) {
            int b = LogHistogram.bucket(s);
            long lower = LogHistogram.lowerBound(b);
            long next = LogHistogram.lowerBound(b + 1);
            assertThat(lower).isLessThanOrEqualTo(s);
            assertThat(next).isGreaterThan(s);
            assertThat((double) (next - lower) / lower).isLessThanOrEqualTo(1.0 / 16);
            assertThat(Math.abs(LogHistogram.middle(b) - s)).isLessThanOrEqualTo(Math.max(1, s / 32));
            assertThat(LogHistogram.bucket(lower)).isEqualTo(b);
            assertThat(LogHistogram.bucket(next - 1)).isEqualTo(b);
        }
    }

    @Test
    void percentilesAreTheNearestRankWithinOneThirtySecond() {
        Random random = new Random(3);
        List<Long> values = new ArrayList<>();
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < 10_001; i++) {
            long v = (long) Math.exp(random.nextDouble() * 12);
            values.add(v);
            h.add(v, 1);
        }
        Collections.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            long exact = values.get((int) Math.ceil(q * values.size()) - 1);
            assertThat(h.percentile(q)).isBetween(exact - exact / 32 - 1, exact + exact / 32 + 1);
        }
        assertThat(h.mean()).isEqualTo(Math.round(values.stream().mapToLong(Long::longValue).average().orElseThrow() * 10) / 10.0);
    }

    @Test
    void theStoredFormReadsBackAndRemovingWhatWasAddedLeavesNothing() {
        RollupCell.Figure added = new RollupCell.Figure();
        LogHistogram direct = new LogHistogram();
        for (long v : new long[] {5, 20, 20, 3720, 86_400}) {
            added.add(v, 1);
            direct.add(v, 1);
        }
        LogHistogram read = new LogHistogram();
        read.addStored(added.json(), added.sum);
        assertThat(read.toJson()).isEqualTo(direct.toJson());
        assertThat(read.count()).isEqualTo(5);
        assertThat(read.percentile(0.5)).isEqualTo(20);
        for (long v : new long[] {5, 20, 20, 3720, 86_400}) {
            added.add(v, -1);
        }
        assertThat(added.isZero()).isTrue();
        assertThat(added.json()).isEqualTo("{}");
    }

    @Test
    void negativeStoredCountsAreReadAsNegative() {
        LogHistogram h = new LogHistogram();
        h.addStored("{\"5\": 2, \"40\": -1}", 0);
        assertThat(h.count()).isEqualTo(1);
    }

    @Test
    void anEmptyHistogramHasNoPercentileOrMean() {
        LogHistogram h = new LogHistogram();
        assertThat(h.percentile(0.5)).isNull();
        assertThat(h.mean()).isNull();
    }
}
