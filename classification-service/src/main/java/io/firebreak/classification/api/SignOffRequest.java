package io.firebreak.classification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A documented sign-off: the comment is required, it is the record of why. */
public record SignOffRequest(@Size(max = 100) String service, @NotBlank @Size(max = 2000) String comment) {
}
