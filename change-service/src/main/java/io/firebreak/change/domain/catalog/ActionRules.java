package io.firebreak.change.domain.catalog;

import io.firebreak.change.model.ActionType;
import io.firebreak.platform.problem.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the pre-authorised action catalog permits, and what a well-formed catalog is. Pure. */
public final class ActionRules {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern PARAMETER = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,62}");

    private ActionRules() {
    }

    /**
     * Why a change may not use {@code action} on {@code target} with {@code parameters} (empty when it may). An action
     * outside the catalog is refused with the list of permitted actions.
     */
    public static List<Violation> refusal(List<ActionType> catalog, String action, String target, Map<String, String> parameters) {
        ActionType type = catalog.stream().filter(a -> a.name().equals(action)).findFirst().orElse(null);
        if (type == null) {
            return List.of(new Violation("action", (action == null || action.isBlank() ? "is required" : action + " is not a pre-authorised emergency action")
                    + "; permitted: " + String.join(", ", catalog.stream().map(ActionType::name).toList())));
        }
        List<Violation> out = new ArrayList<>();
        if (!type.mayTarget(target)) {
            out.add(new Violation("targetService", action + " may target only " + String.join(", ", type.targets())));
        }
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        for (String p : type.parameters()) {
            String v = given.get(p);
            if (v == null || v.isBlank()) {
                out.add(new Violation("parameters." + p, "is required by " + action));
            }
        }
        for (String p : given.keySet()) {
            if (!type.parameters().contains(p)) {
                out.add(new Violation("parameters." + p, "is not a parameter of " + action + " (" + String.join(", ", type.parameters()) + ")"));
            }
        }
        return out;
    }

    /** What is wrong with a proposed catalog (empty when it is well formed). */
    public static List<Violation> catalogProblems(List<ActionType> actions) {
        List<Violation> out = new ArrayList<>();
        if (actions == null || actions.isEmpty()) {
            return List.of(new Violation("actions", "at least one action is required"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionType a = actions.get(i);
            String at = "actions[" + i + "]";
            if (a == null) {
                out.add(new Violation(at, "is required"));
                continue;
            }
            if (a.name() == null || !NAME.matcher(a.name()).matches()) {
                out.add(new Violation(at + ".name", "is required: lower-case letters, digits and '-', starting with a letter"));
            } else if (!names.add(a.name())) {
                out.add(new Violation(at + ".name", a.name() + " is listed twice"));
            }
            if (a.description() == null || a.description().isBlank()) {
                out.add(new Violation(at + ".description", "is required"));
            }
            if (a.parameters() == null) {
                out.add(new Violation(at + ".parameters", "is required (may be empty)"));
            } else {
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < a.parameters().size(); j++) {
                    String p = a.parameters().get(j);
                    if (p == null || !PARAMETER.matcher(p).matches()) {
                        out.add(new Violation(at + ".parameters[" + j + "]", "must be a name of letters and digits"));
                    } else if (!seen.add(p)) {
                        out.add(new Violation(at + ".parameters[" + j + "]", p + " is listed twice"));
                    }
                }
            }
            if (a.targets() != null && a.targets().stream().anyMatch(t -> t == null || t.isBlank())) {
                out.add(new Violation(at + ".targets", "must name services"));
            }
        }
        return out;
    }
}
