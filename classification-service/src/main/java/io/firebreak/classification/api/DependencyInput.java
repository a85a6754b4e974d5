package io.firebreak.classification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** "This service depends on {@code dependency}", hard (fails with it) or soft (degrades). */
public record DependencyInput(@NotBlank String dependency,
                              @NotNull @Pattern(regexp = "HARD|SOFT", message = "must be HARD or SOFT") String kind) {
}
