package io.firebreak.review.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contributing-factor categories and their subcategories (documented in the README): every factor of a
 * post-mortem names one pair, so trends compare like with like across incidents. Pure.
 */
public final class FactorTaxonomy {

    public static final Map<String, List<String>> CATEGORIES;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("PROCESS", List.of("CHANGE_MANAGEMENT", "REVIEW_AND_TESTING", "ESCALATION", "COMMUNICATION", "HANDOVER", "CAPACITY_PLANNING"));
        m.put("TOOLING", List.of("MONITORING_GAP", "ALERTING_NOISE", "DEPLOYMENT_TOOLING", "AUTOMATION_GAP", "RUNBOOK_TOOLING"));
        m.put("KNOWLEDGE", List.of("MISSING_RUNBOOK", "OUTDATED_DOCUMENTATION", "TRAINING_GAP", "SINGLE_POINT_OF_KNOWLEDGE"));
        m.put("DESIGN", List.of("SINGLE_POINT_OF_FAILURE", "MISSING_LIMITS", "DEPENDENCY_COUPLING", "DATA_CONSISTENCY", "CAPACITY"));
        CATEGORIES = java.util.Collections.unmodifiableMap(m);
    }

    private FactorTaxonomy() {
    }

    /** Why the pair is not in the taxonomy (null when it is). */
    public static String refusal(String category, String subcategory) {
        List<String> subs = category == null ? null : CATEGORIES.get(category);
        if (subs == null) {
            return "category must be one of " + String.join(", ", CATEGORIES.keySet());
        }
        if (subcategory == null || !subs.contains(subcategory)) {
            return "subcategory of " + category + " must be one of " + String.join(", ", subs);
        }
        return null;
    }
}
