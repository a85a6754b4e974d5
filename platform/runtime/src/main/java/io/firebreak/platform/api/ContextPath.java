package io.firebreak.platform.api;

import io.firebreak.platform.problem.ProblemException;

/**
 * Platform endpoints are declared once as {@code /api/v1/{context}/…} and served by every service; a
 * request naming another service's context is not one of this service's resources.
 */
public final class ContextPath {

    private ContextPath() {
    }

    public static void require(String served, String requested) {
        if (!served.equals(requested)) {
            throw ProblemException.notFound("Service context", requested);
        }
    }
}
