package io.firebreak.review.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When post-mortems fall due (default 72 h after resolution) and which incidents get one (P1 and P2, never a drill).
 * Pure.
 */
public final class PostmortemDueDates {

    public static final Duration DEFAULT_DUE_AFTER = Duration.ofHours(72);

    private PostmortemDueDates() {
    }

    public static boolean needsPostmortem(String priority, boolean drill) {
        return !drill && ("P1".equals(priority) || "P2".equals(priority));
    }

    public static Instant due(Instant resolvedAt, Duration dueAfter) {
        return resolvedAt.plus(dueAfter);
    }
}
