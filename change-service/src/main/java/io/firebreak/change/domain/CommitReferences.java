package io.firebreak.change.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident keys ({@code INC-2026-0042}, the form classification issues) and change ids ({@code CHG-45}) a commit
 * message references, in order of appearance, each once — what links a commit to an incident or change, and what
 * the commit-message check requires of an emergency fix. Pure.
 */
public final class CommitReferences {

    private static final Pattern INCIDENT = Pattern.compile("(?<![A-Za-z0-9-])INC-\\d{4}-\\d{4,}(?![0-9])");
    private static final Pattern CHANGE = Pattern.compile("(?<![A-Za-z0-9-])CHG-\\d+(?![0-9])");

    private CommitReferences() {
    }

    public record References(List<String> incidents, List<String> changes) {

        public boolean complete() {
            return !incidents.isEmpty() && !changes.isEmpty();
        }
    }

    public static References of(String message) {
        return new References(find(INCIDENT, message), find(CHANGE, message));
    }

    private static List<String> find(Pattern pattern, String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return List.copyOf(out);
    }
}
