package io.firebreak.classification.model.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Positive;

/** Service-level targets for one priority, in minutes. */
@RegisterForReflection
public record SlaTarget(@Positive int acknowledgeMinutes, @Positive int resolveMinutes) {
}
