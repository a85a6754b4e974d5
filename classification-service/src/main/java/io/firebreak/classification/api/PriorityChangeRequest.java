package io.firebreak.classification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new priority and why; for reclassification, optionally the facts as now measured. */
public record PriorityChangeRequest(
        @NotNull @Pattern(regexp = "P[1-4]", message = "must be one of P1, P2, P3, P4") String priority,
        @NotBlank @Size(max = 2000) String reason,
        @Valid ImpactFactsInput impact) {
}
