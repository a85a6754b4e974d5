package io.firebreak.platform.problem;

import java.util.UUID;

/**
 * Parses an id from a path. A path id that is no UUID names nothing that exists, so it is a 404
 * problem (not a 400, and never the 500 an uncaught parse error would be).
 */
public final class PathIds {

    private PathIds() {
    }

    /** The UUID in {@code value}, or a 404 problem saying that {@code what} does not exist. */
    public static UUID uuid(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, value);
        }
    }
}
