package io.firebreak.platform.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of a list, the shape every list endpoint answers: {@code next} is an opaque cursor to pass
 * back as {@code ?after=} for the following page, absent on the last page.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {
}
