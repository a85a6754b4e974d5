package io.firebreak.classification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A required comment. */
public record CommentRequest(@NotBlank @Size(max = 2000) String comment) {
}
