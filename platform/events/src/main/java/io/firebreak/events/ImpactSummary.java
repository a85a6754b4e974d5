package io.firebreak.events;

/**
 * The measured business impact of an incident as classification knows it, for the services that act on it
 * (comms' executive thresholds and engagement rules, metrics). A null is "not measured", never zero.
 *
 * @param revenueLossPerHour estimated revenue lost per hour, in the organisation's currency
 * @param dataExposure       NONE, SUSPECTED or CONFIRMED
 * @param availability       DEGRADED or UNAVAILABLE
 * @param regulatedService   whether the business service is regulated (catalog); absent when not known to the sender
 */
public record ImpactSummary(@OptionalField Double revenueLossPerHour, @OptionalField Long usersAffected, @OptionalField Boolean customerFacing,
                            @OptionalField String dataExposure, @OptionalField Boolean regulatoryExposure, @OptionalField Boolean securityBreach,
                            @OptionalField String availability, @OptionalField Boolean regulatedService) {
}
