package io.firebreak.classification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Facts to classify in a dry run; the tier comes from {@code service} when given, else from {@code tier}. */
public record EvaluateRequest(String service, @Min(1) @Max(4) Integer tier, @NotNull @Valid ImpactFactsInput facts) {
}
