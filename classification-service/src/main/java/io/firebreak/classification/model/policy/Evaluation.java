package io.firebreak.classification.model.policy;

import io.firebreak.events.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A classification decision and why: the rules that set the priority, the rules of a more severe
 * priority that nearly fired (then the case is borderline), and every rule checked.
 */
@RegisterForReflection
public record Evaluation(Priority priority, Integer policyVersion, List<RuleCheck> fired, List<RuleCheck> nearlyFired,
                         boolean borderline, List<RuleCheck> checks, String summary) {
}
