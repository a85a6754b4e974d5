package io.firebreak.classification.api;

import io.firebreak.platform.validation.NotInFuture;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A manual declaration. The active policy computes the priority from {@code impact};
 * {@code priority} is the reporter's proposal (required only while no policy is active; when it
 * differs from the policy's, {@code justification} is required and the dispute is recorded).
 * Enumerations travel as text so a wrong value is reported with every other invalid field.
 * {@code drill} declares an exercise: paged as a drill and left out of real metrics.
 */
public record DeclareIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String summary,
        @NotBlank @Size(max = 100) String businessService,
        @NotNull @Valid ImpactFactsInput impact,
        @NotNull @NotInFuture OffsetDateTime detectedAt,
        @Pattern(regexp = "P[1-4]", message = "must be one of P1, P2, P3, P4") String priority,
        @Size(max = 2000) String justification,
        Boolean drill) {
}
