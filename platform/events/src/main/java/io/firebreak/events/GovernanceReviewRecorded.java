package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@value EventTypes#GOVERNANCE_REVIEW_RECORDED}, published by metrics. Subject and key: the quarter
 * ({@code 2026-Q3}). The quarterly review of the incident-management policies was recorded (or amended): which policy
 * versions it reviewed, the decisions taken, and how much responder feedback it had before it.
 */
public record GovernanceReviewRecorded(String quarter, Instant heldAt, List<Policy> policies, List<Decision> decisions, int surveysAnswered,
                                       String recordedBy, Instant recordedAt) {

    /** A policy and the version reviewed. */
    public record Policy(String name, String version) {
    }

    /** A decision, who carries it out and by when. */
    public record Decision(String decision, @OptionalField String owner, @OptionalField java.time.LocalDate due) {
    }
}
