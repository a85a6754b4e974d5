package io.firebreak.metrics.model;

import java.math.BigDecimal;
import java.time.Instant;

/** An outcome figure a business system imported for a month ({@code 2026-09}) or quarter ({@code 2026-Q3}). */
public record BusinessOutcome(String metric, String period, BigDecimal value, String unit, String source, String recordedBy, Instant recordedAt) {
}
