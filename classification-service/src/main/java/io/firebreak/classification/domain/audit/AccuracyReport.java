package io.firebreak.classification.domain.audit;

import io.firebreak.events.Priority;
import java.util.List;
import java.util.Map;

/**
 * Classification accuracy over a period.
 *
 * @param byPolicyVersion confusion matrices keyed by policy version ("none" when no policy decided)
 * @param byService       confusion matrices keyed by business service
 * @param suggestions     threshold changes that would have classified the period's misclassified incidents correctly
 */
public record AccuracyReport(int incidents, int changed, Matrix overall, Map<String, Matrix> byPolicyVersion,
                             Map<String, Matrix> byService, List<Suggestion> suggestions) {

    /**
     * Counts of initial (row) against final (column) priority, with the shares of over- and
     * under-classification (initial more, resp. less, severe than final).
     */
    public record Matrix(Map<Priority, Map<Priority, Integer>> counts, int total, double overClassifiedShare,
                         double underClassifiedShare, double accuracy) {
    }

    /**
     * Move one threshold: {@code direction} LOWER (to {@code suggested}, so the final priority would have fired)
     * or RAISE (above {@code suggested}, so the initial priority would not have fired). {@code correctBefore} and
     * {@code correctAfter} count the version's incidents in the period classified as they turned out, with the
     * threshold as it is and as suggested.
     */
    public record Suggestion(int policyVersion, String scope, Priority priority, String fact, String direction,
                             Double currentThreshold, Double suggested, List<String> incidents, int correctBefore,
                             int correctAfter) {
    }
}
