package io.firebreak.classification.api;

import io.firebreak.platform.validation.NotInFuture;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A manual declaration. Priority travels as text so that a wrong value is reported together with
 * every other invalid field instead of failing JSON binding on its own.
 */
public record DeclareIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String summary,
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a catalog name: lower-case letters, digits and dashes")
        String businessService,
        @NotNull @Pattern(regexp = "P[1-4]", message = "must be one of P1, P2, P3, P4") String priority,
        @NotNull @NotInFuture OffsetDateTime detectedAt) {
}
