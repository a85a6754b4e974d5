/**
 * The change bounded context: emergency changes, the pre-authorised action catalog, freeze exceptions, VCS/deploy links and effectiveness reviews. Layers: {@code api} (resources and records), {@code domain}
 * (entities and pure rules), {@code persistence}, {@code messaging}, {@code config}. Until its first
 * issue lands it serves only the platform endpoints (health, OpenAPI, metrics, {@code /api/v1/change/me}).
 */
package io.firebreak.change;
