package io.firebreak.classification.model.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Measurable business impact of an incident. Numbers are null when not measured; a null is never
 * read as zero, so an unmeasured fact can neither fire nor nearly fire a rule.
 *
 * @param revenueLossPerHour  estimated revenue lost per hour, in the organisation's currency
 * @param usersAffected       number of users affected
 * @param usersAffectedShare  share of the service's users affected (0–1); derived from the catalog when absent
 * @param customerFacing      whether customers see the impact
 * @param dataExposure        none, suspected or confirmed
 * @param regulatoryExposure  whether a regulator must or may be told
 * @param securityBreach      whether this is a security breach
 * @param availability        degraded or unavailable
 */
@RegisterForReflection
public record ImpactFacts(
        Double revenueLossPerHour,
        Long usersAffected,
        Double usersAffectedShare,
        Boolean customerFacing,
        DataExposure dataExposure,
        Boolean regulatoryExposure,
        Boolean securityBreach,
        Availability availability) {

    public static final ImpactFacts NONE = new ImpactFacts(null, null, null, null, null, null, null, null);

    /** These facts with gaps filled from {@code defaults} (a service's default impact). */
    public ImpactFacts orElse(ImpactFacts defaults) {
        if (defaults == null) {
            return this;
        }
        return new ImpactFacts(
                revenueLossPerHour != null ? revenueLossPerHour : defaults.revenueLossPerHour,
                usersAffected != null ? usersAffected : defaults.usersAffected,
                usersAffectedShare != null ? usersAffectedShare : defaults.usersAffectedShare,
                customerFacing != null ? customerFacing : defaults.customerFacing,
                dataExposure != null ? dataExposure : defaults.dataExposure,
                regulatoryExposure != null ? regulatoryExposure : defaults.regulatoryExposure,
                securityBreach != null ? securityBreach : defaults.securityBreach,
                availability != null ? availability : defaults.availability);
    }

    /**
     * These facts completed from what the catalog knows of the service, where the reporter said
     * nothing: its default impact, whether it is customer-facing, and — for a regulated service that
     * is down or may have exposed data — regulatory exposure. Finally the users share from its user
     * count. What the reporter said always wins.
     */
    public ImpactFacts completedFrom(ImpactFacts serviceDefaults, boolean serviceCustomerFacing, boolean serviceRegulated,
                                     Long serviceUsers) {
        ImpactFacts f = orElse(serviceDefaults);
        Boolean facing = f.customerFacing != null ? f.customerFacing : Boolean.valueOf(serviceCustomerFacing);
        Boolean regulatory = f.regulatoryExposure;
        boolean reportable = f.availability == Availability.UNAVAILABLE
                || f.dataExposure == DataExposure.SUSPECTED || f.dataExposure == DataExposure.CONFIRMED;
        if (regulatory == null && serviceRegulated && reportable) {
            regulatory = Boolean.TRUE;
        }
        return new ImpactFacts(f.revenueLossPerHour, f.usersAffected, f.usersAffectedShare, facing, f.dataExposure,
                regulatory, f.securityBreach, f.availability).withShareFrom(serviceUsers);
    }

    /** Fills the users share from the service's user count when only the count was measured. */
    public ImpactFacts withShareFrom(Long serviceUsers) {
        if (usersAffectedShare != null || usersAffected == null || serviceUsers == null || serviceUsers <= 0) {
            return this;
        }
        double share = Math.min(1.0, usersAffected / (double) serviceUsers);
        return new ImpactFacts(revenueLossPerHour, usersAffected, share, customerFacing, dataExposure,
                regulatoryExposure, securityBreach, availability);
    }
}
