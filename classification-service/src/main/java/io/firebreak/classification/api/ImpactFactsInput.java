package io.firebreak.classification.api;

import io.firebreak.classification.model.policy.Availability;
import io.firebreak.classification.model.policy.DataExposure;
import io.firebreak.classification.model.policy.ImpactFacts;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;

/**
 * Impact facts as a request carries them. Enumerations travel as text, so a wrong value is
 * reported together with every other invalid field.
 */
public record ImpactFactsInput(
        @PositiveOrZero Double revenueLossPerHour,
        @PositiveOrZero Long usersAffected,
        @DecimalMin("0") @DecimalMax("1") Double usersAffectedShare,
        Boolean customerFacing,
        @Pattern(regexp = "NONE|SUSPECTED|CONFIRMED", message = "must be one of NONE, SUSPECTED, CONFIRMED") String dataExposure,
        Boolean regulatoryExposure,
        Boolean securityBreach,
        @Pattern(regexp = "DEGRADED|UNAVAILABLE", message = "must be one of DEGRADED, UNAVAILABLE") String availability) {

    public ImpactFacts toFacts() {
        return new ImpactFacts(revenueLossPerHour, usersAffected, usersAffectedShare, customerFacing,
                dataExposure == null ? null : DataExposure.valueOf(dataExposure), regulatoryExposure, securityBreach,
                availability == null ? null : Availability.valueOf(availability));
    }

    public static ImpactFacts toFacts(ImpactFactsInput input) {
        return input == null ? ImpactFacts.NONE : input.toFacts();
    }
}
