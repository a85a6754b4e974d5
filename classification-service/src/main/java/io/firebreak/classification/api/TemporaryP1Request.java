package io.firebreak.classification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Why a borderline incident is treated as P1 now, and for how long (default: the configured window).
 * {@code borderlineBecause} is required when the active policy does not find the case borderline for P1:
 * why it is borderline anyway (e.g. the deciding facts are not measured yet).
 */
public record TemporaryP1Request(@NotBlank @Size(max = 2000) String justification, @Positive Integer windowMinutes,
                                 @Size(max = 2000) String borderlineBecause) {
}
