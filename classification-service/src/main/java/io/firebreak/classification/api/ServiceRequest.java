package io.firebreak.classification.api;

import io.firebreak.classification.domain.catalog.ServiceDefinition;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.events.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A business service to register or update; {@code name} is ignored on update. */
public record ServiceRequest(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String name,
        @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(4) Integer tier,
        @NotBlank @Size(max = 100) String owningTeam,
        @NotEmpty List<@NotBlank String> owners,
        @NotNull Boolean customerFacing,
        @NotNull Boolean regulated,
        @Size(max = 100) String onCallTeam,
        @PositiveOrZero Long usersTotal,
        Map<Priority, @Valid SlaTarget> sla,
        @Valid ImpactFactsInput defaultImpact) {

    ServiceDefinition toDefinition(String nameOverride) {
        return new ServiceDefinition(nameOverride != null ? nameOverride : name, description, tier, owningTeam, owners,
                customerFacing, regulated, onCallTeam, usersTotal, sla,
                defaultImpact == null ? null : defaultImpact.toFacts());
    }
}
