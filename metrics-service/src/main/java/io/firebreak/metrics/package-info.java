/**
 * The metrics bounded context: projections of every topic: MTTA, MTTR, MTTE, distributions, recurrence, data quality and KPI reports. Layers: {@code api} (resources and records), {@code domain}
 * (entities and pure rules), {@code persistence}, {@code messaging}, {@code config}. Until its first
 * issue lands it serves only the platform endpoints (health, OpenAPI, metrics, {@code /api/v1/metrics/me}).
 */
package io.firebreak.metrics;
