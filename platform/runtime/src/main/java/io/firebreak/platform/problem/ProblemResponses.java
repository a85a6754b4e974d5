package io.firebreak.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses, so every mapper answers in the same shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
