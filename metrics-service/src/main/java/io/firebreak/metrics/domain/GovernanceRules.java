package io.firebreak.metrics.domain;

import io.firebreak.metrics.model.IncidentLedger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who is asked for feedback after an incident, and what a quarter's answers add up to. Every participant of a real P1
 * or P2 — everyone paged, and whoever resolved it — is invited once it is resolved. Answers are summarised without
 * names or incident keys (blameless and safe for restricted incidents). Pure.
 */
public final class GovernanceRules {

    private GovernanceRules() {
    }

    public static boolean surveyed(IncidentLedger l) {
        return !l.drillIncident() && l.declarationSeen && l.resolved() && ("P1".equals(l.priority) || "P2".equals(l.priority));
    }

    /** Everyone paged and the resolver, each once, in the order they joined. */
    public static List<String> participants(IncidentLedger l) {
        Set<String> people = new LinkedHashSet<>();
        l.pages.forEach(p -> {
            if (p.person() != null) {
                people.add(p.person());
            }
        });
        if (l.resolvedBy != null) {
            people.add(l.resolvedBy);
        }
        return new ArrayList<>(people);
    }

    /** An answer as the review reads it. */
    public record Answer(String priority, Integer rating, String wentWell, String toImprove) {
    }

    public record Comment(String priority, int rating, String wentWell, String toImprove) {
    }

    public record Feedback(int invited, int answered, Double responseRate, Double averageRating, Map<Integer, Integer> ratings,
                           List<Comment> comments) {
    }

    public static Feedback feedback(List<Answer> surveys) {
        List<Answer> answered = surveys.stream().filter(a -> a.rating() != null).toList();
        Map<Integer, Integer> ratings = new TreeMap<>();
        for (int r = 1; r <= 5; r++) {
            ratings.put(r, 0);
        }
        answered.forEach(a -> ratings.merge(a.rating(), 1, Integer::sum));
        List<Comment> comments = answered.stream().filter(a -> notBlank(a.wentWell()) || notBlank(a.toImprove()))
                .map(a -> new Comment(a.priority(), a.rating(), a.wentWell(), a.toImprove())).toList();
        return new Feedback(surveys.size(), answered.size(), surveys.isEmpty() ? null : Math.round(1000.0 * answered.size() / surveys.size()) / 10.0,
                answered.isEmpty() ? null : Math.round(answered.stream().mapToInt(Answer::rating).average().orElse(0) * 100) / 100.0, ratings, comments);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
