package io.firebreak.classification.api;

import io.firebreak.classification.domain.intake.IntakeResult;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;

/**
 * The answer of a processing-only replica to intake: 503 with Retry-After, which Alertmanager and PagerDuty
 * clients retry, rather than 404, which they would drop — a mis-set route delays alerts, it does not lose them.
 * Same shape on both intake APIs, like the 503 for a broker that cannot take signals.
 */
final class IntakeUnavailable {

    private IntakeUnavailable() {
    }

    static Response answer(IntakeResult.NotServedHere result) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, "intake-not-served-here", "Intake not served here",
                        "This replica processes signals only; send alerts to the intake replicas (through the gateway)")))
                .header("Retry-After", result.retryAfterSeconds()).build();
    }
}
