/**
 * The review bounded context: post-mortems, validated timelines, contributing factors and tracked action items. Layers: {@code api} (resources and records), {@code domain}
 * (entities and pure rules), {@code persistence}, {@code messaging}, {@code config}. Until its first
 * issue lands it serves only the platform endpoints (health, OpenAPI, metrics, {@code /api/v1/review/me}).
 */
package io.firebreak.review;
