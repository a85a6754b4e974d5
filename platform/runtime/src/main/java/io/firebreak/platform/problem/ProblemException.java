package io.firebreak.platform.problem;

/**
 * A refusal the caller can act on, answered as problem+json with its status. Services throw the
 * factory methods' results rather than building HTTP responses themselves.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** The request carries no credential this endpoint accepts (e.g. a webhook signature that does not verify). */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    /** The caller's roles admit the endpoint, but not this resource (e.g. a service it does not own). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException invalid(java.util.List<Violation> violations) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request",
                violations.size() + " field(s) are invalid").withViolations(violations));
    }
}
