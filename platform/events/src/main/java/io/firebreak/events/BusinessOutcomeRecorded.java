package io.firebreak.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Data of {@value EventTypes#BUSINESS_OUTCOME_RECORDED}, published by metrics. Subject and key: {@code metric}. A
 * business system recorded (or corrected: {@code previousValue}) an outcome figure for a month ({@code 2026-09}) or
 * a quarter ({@code 2026-Q3}), which the quarterly KPI report relates to the incident metrics.
 */
public record BusinessOutcomeRecorded(String metric, String period, BigDecimal value, @OptionalField BigDecimal previousValue,
                                      @OptionalField String unit, String source, String recordedBy, Instant recordedAt) {
}
