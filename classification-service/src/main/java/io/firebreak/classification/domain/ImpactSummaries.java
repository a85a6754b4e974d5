package io.firebreak.classification.domain;

import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.events.ImpactSummary;

/** The impact facts as events carry them to the services that act on them. */
final class ImpactSummaries {

    private ImpactSummaries() {
    }

    static ImpactSummary of(ImpactFacts f, Boolean regulatedService) {
        if (f == null) {
            return regulatedService == null ? null : new ImpactSummary(null, null, null, null, null, null, null, regulatedService);
        }
        return new ImpactSummary(f.revenueLossPerHour(), f.usersAffected(), f.customerFacing(),
                f.dataExposure() == null ? null : f.dataExposure().name(), f.regulatoryExposure(), f.securityBreach(),
                f.availability() == null ? null : f.availability().name(), regulatedService);
    }
}
