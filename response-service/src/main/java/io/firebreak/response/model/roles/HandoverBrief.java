package io.firebreak.response.model.roles;

import java.time.Instant;
import java.util.List;

/**
 * What the outgoing holder tells the incoming one, in a fixed structure: where things stand, what is
 * believed, what is under way and by whom, what must be decided by when, what could go wrong, what is
 * still unknown. {@code readIn} is Firebreak's deterministic summary of the incident's own record.
 */
public record HandoverBrief(String currentStatus, List<String> hypotheses, List<Action> actionsInFlight,
                            List<Decision> nextDecisions, List<String> risks, List<String> openQuestions, List<String> readIn) {

    public record Action(String action, String owner) {
    }

    public record Decision(String decision, Instant deadline) {
    }
}
