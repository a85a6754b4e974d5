package io.firebreak.metrics.model.rollup;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one rollup row, or a change to them: incidents counted, excluded (and by which rules), drills, and
 * per figure its sparse histogram, count and sum. Pure.
 */
public final class RollupCell {

    /** One figure's sparse histogram (bucket → count), count and sum of seconds. */
    public static final class Figure {
        public final TreeMap<Integer, Long> buckets = new TreeMap<>();
        public long count;
        public long sum;

        void add(Long seconds, int sign) {
            if (seconds != null) {
                buckets.merge(LogHistogram.bucket(seconds), (long) sign, Long::sum);
                buckets.values().removeIf(v -> v == 0);
                count += sign;
                sum += seconds * sign;
            }
        }

        /** The sparse JSON form stored in the row ({@code {"130": 2}}), the form {@link LogHistogram#addStored} reads. */
        public String json() {
            return counts(buckets);
        }

        boolean isZero() {
            return buckets.isEmpty() && count == 0 && sum == 0;
        }
    }

    public long counted;
    public long excluded;
    public long drills;
    public final TreeMap<String, Long> excludedByRule = new TreeMap<>();
    public final Figure mtta = new Figure();
    public final Figure mttr = new Figure();
    public final Figure mtte = new Figure();

    /** Adds (sign 1) or subtracts (sign -1) an incident's contribution. */
    public void apply(Contribution c, int sign) {
        switch (c.kind()) {
            case DRILL -> drills += sign;
            case EXCLUDED -> {
                excluded += sign;
                for (String rule : c.rules()) {
                    excludedByRule.merge(rule, (long) sign, Long::sum);
                }
                excludedByRule.values().removeIf(v -> v == 0);
            }
            case COUNTED -> {
                counted += sign;
                mtta.add(c.mtta(), sign);
                mttr.add(c.mttr(), sign);
                mtte.add(c.mtte(), sign);
            }
        }
    }

    /** The rules JSON ({@code {"CLOCK_SKEW": 1}}). */
    public String rulesJson() {
        return counts(excludedByRule);
    }

    /** A count map as a JSON object (keys are bucket numbers or rule names: nothing to escape). */
    static String counts(Map<?, Long> counts) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(e.getKey()).append("\": ").append(e.getValue());
        }
        return out.append('}').toString();
    }

    public boolean isZero() {
        return counted == 0 && excluded == 0 && drills == 0 && excludedByRule.isEmpty() && mtta.isZero() && mttr.isZero() && mtte.isZero();
    }
}
