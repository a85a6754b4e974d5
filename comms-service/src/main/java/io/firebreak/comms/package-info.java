/**
 * The comms bounded context: status updates (single source of truth), audience templates, stakeholder subscriptions, executive-notification thresholds, the tamper-evident external-communications log and outbound delivery. Layers: {@code api} (resources and records), {@code domain}
 * (entities and pure rules), {@code persistence}, {@code messaging}, {@code config}.
 */
package io.firebreak.comms;
