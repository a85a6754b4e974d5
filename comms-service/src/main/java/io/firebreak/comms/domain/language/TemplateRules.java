package io.firebreak.comms.domain.language;

import io.firebreak.platform.problem.Violation;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a template may say and how it renders. Templates are Qute with a fixed vocabulary — the incident's
 * and its current status's fields, approved snippets ({@code {snippet.<name>}}) and the message's free text
 * ({@code {freeText}}) — checked when a version is proposed, so an unknown placeholder never reaches approval.
 * Rendering is strict: a placeholder without a value fails (400) instead of leaving an empty hole in a sent
 * message; a template marks a value as optional explicitly ({@code {freeText??}} or {@code {#if freeText??}}).
 * Pure: no I/O, no clock.
 */
public final class TemplateRules {

    public static final Set<String> INCIDENT_FIELDS = Set.of("key", "title", "priority", "businessService", "declaredAt");
    public static final Set<String> STATUS_FIELDS = Set.of("version", "state", "impact", "affectedServices", "nextUpdateDue",
            "publishedAt");
    public static final Pattern SNIPPET_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SNIPPET_NAME_IN_QUTE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Strict and without escaping: messages are plain text (mail, chat, webhooks), and a missing value is an error. */
    private static final Engine ENGINE = Engine.builder().addDefaults().strictRendering(true).build();

    private TemplateRules() {
    }

    /** The placeholders of a template text and the snippets it uses; violations for syntax errors and unknown placeholders. */
    public record Check(List<Violation> violations, Set<String> snippets, boolean usesFreeText) {
    }

    public static Check check(String field, String text) {
        List<Violation> violations = new ArrayList<>();
        Set<String> snippets = new TreeSet<>();
        Template template;
        try {
            template = ENGINE.parse(text);
        } catch (TemplateException e) {
            violations.add(new Violation(field, "is not a valid template: " + firstLine(e.getMessage())));
            return new Check(violations, snippets, false);
        }
        boolean freeText = false;
        for (Expression expression : template.getExpressions()) {
            if (expression.isLiteral()) {
                continue;
            }
            freeText |= !expression.getParts().isEmpty() && "freeText".equals(expression.getParts().get(0).getName());
            String problem = unknown(expression, snippets);
            if (problem != null) {
                violations.add(new Violation(field, problem));
            }
        }
        return new Check(violations, snippets, freeText);
    }

    /** Why the placeholder is not in the vocabulary, or null when it is. */
    private static String unknown(Expression expression, Set<String> snippets) {
        String original = "{" + expression.toOriginalString() + "}";
        if (expression.hasNamespace()) {
            return "uses " + original + ": namespaces are not available to message templates";
        }
        List<String> names = new ArrayList<>();
        List<Expression.Part> parts = expression.getParts();
        for (int i = 0; i < parts.size(); i++) {
            Expression.Part part = parts.get(i);
            boolean optionalMarker = i == parts.size() - 1 && i > 0 && part.isVirtualMethod() && "or".equals(part.getName());
            if (optionalMarker) {
                break;
            }
            if (part.isVirtualMethod()) {
                return "uses " + original + ": methods are not available to message templates";
            }
            names.add(part.getName());
        }
        String root = names.get(0);
        boolean known = switch (root) {
            case "incident" -> names.size() == 2 && INCIDENT_FIELDS.contains(names.get(1));
            case "status" -> names.size() == 2 && STATUS_FIELDS.contains(names.get(1));
            case "freeText" -> names.size() == 1;
            case "snippet" -> names.size() == 2 && SNIPPET_NAME_IN_QUTE.matcher(names.get(1)).matches() && snippets.add(snippetName(names.get(1)));
            default -> false;
        };
        return known ? null : "uses the unknown placeholder " + original + "; known are " + vocabulary();
    }

    /** Snippet names use hyphens; in a template they are written with underscores ({@code {snippet.apology_outage}}). */
    public static String snippetName(String inTemplate) {
        return inTemplate.replace('_', '-');
    }

    public static String vocabulary() {
        return String.join(", ", placeholders());
    }

    public static List<String> placeholders() {
        List<String> all = new ArrayList<>();
        INCIDENT_FIELDS.stream().sorted().forEach(f -> all.add("{incident." + f + "}"));
        STATUS_FIELDS.stream().sorted().forEach(f -> all.add("{status." + f + "}"));
        all.add("{snippet.<name>}");
        all.add("{freeText}");
        return all;
    }

    /**
     * Renders {@code text} with the values present (an absent value is simply not in the maps). A placeholder
     * without a value is a violation of {@code field}, naming it.
     */
    public static Rendered render(String field, String text, Values values) {
        try {
            Template template = ENGINE.parse(text);
            var instance = template.instance().data("incident", values.incident()).data("status", values.status())
                    .data("snippet", values.snippets());
            if (values.freeText() != null) {
                instance = instance.data("freeText", values.freeText());
            }
            return new Rendered(instance.render(), List.of());
        } catch (TemplateException e) {
            return new Rendered(null, List.of(new Violation(field, "has a placeholder without a value: " + firstLine(e.getMessage()))));
        }
    }

    public record Rendered(String text, List<Violation> violations) {
    }

    /** The values a template renders with; keys of snippets are their template names (underscores). */
    public record Values(Map<String, Object> incident, Map<String, Object> status, Map<String, Object> snippets, String freeText) {

        public static Map<String, Object> present(Object... keyValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                if (keyValues[i + 1] != null) {
                    map.put((String) keyValues[i], keyValues[i + 1]);
                }
            }
            return map;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
