package io.firebreak.classification.api;

import io.firebreak.classification.model.policy.PolicyRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new policy version: what it is for, and its rules. */
public record PolicyRequest(@NotBlank @Size(max = 2000) String description, @NotNull PolicyRules rules) {
}
