package io.firebreak.comms.domain.language;

import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.Incident;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.SnippetVersion;
import io.firebreak.comms.model.StatusVersion;
import io.firebreak.comms.model.TemplateVersion;
import io.firebreak.comms.persistence.LanguageRepository;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Renders a message from the newest approved template of an audience and scenario, the incident, its
 * current status version, the approved snippets the template names and the message's free text. A pending
 * template is never used (409 when none is approved); a placeholder without a value is a 400.
 */
@ApplicationScoped
public class Composer {

    private final LanguageRepository language;

    public Composer(LanguageRepository language) {
        this.language = language;
    }

    /** The rendered text and what it came from: the template version and the snippet versions used. */
    public record Composed(TemplateVersion template, String subject, String body, List<UUID> snippetVersions) {
    }

    public Uni<Composed> compose(Incident incident, StatusVersion status, Audience audience, Scenario scenario, String freeText) {
        return language.activeTemplate(audience, scenario).chain(template -> {
            if (template == null) {
                return Uni.createFrom().failure(ProblemException.conflict("No approved " + audience + " template for " + scenario
                        + " yet (a pending version is never used)"));
            }
            TemplateRules.Check subjectCheck = TemplateRules.check("subject", template.subject);
            TemplateRules.Check bodyCheck = TemplateRules.check("body", template.body);
            if (freeText != null && !subjectCheck.usesFreeText() && !bodyCheck.usesFreeText()) {
                return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("freeText",
                        "the approved " + audience + " " + scenario + " template v" + template.version + " has no place for free text"))));
            }
            Set<String> names = new TreeSet<>(subjectCheck.snippets());
            names.addAll(bodyCheck.snippets());
            return language.approvedSnippets(names).map(snippets -> render(incident, status, template, snippets, freeText));
        });
    }

    private static Composed render(Incident incident, StatusVersion status, TemplateVersion template, List<SnippetVersion> snippets,
                                   String freeText) {
        Map<String, Object> snippetValues = new HashMap<>();
        snippets.forEach(s -> snippetValues.put(s.name.replace('-', '_'), s.text));
        TemplateRules.Values values = new TemplateRules.Values(
                TemplateRules.Values.present("key", incident.incidentKey, "title", incident.title, "priority", incident.priority.name(),
                        "businessService", incident.businessService, "declaredAt", incident.declaredAt.toString()),
                TemplateRules.Values.present("version", status.version, "state", status.state.name().toLowerCase(), "impact", status.impact,
                        "affectedServices", String.join(", ", status.affectedServices),
                        "nextUpdateDue", status.nextUpdateDueAt == null ? null : status.nextUpdateDueAt.toString(),
                        "publishedAt", status.publishedAt.toString()),
                snippetValues, freeText);
        TemplateRules.Rendered subject = TemplateRules.render("subject", template.subject, values);
        TemplateRules.Rendered body = TemplateRules.render("body", template.body, values);
        List<Violation> violations = new ArrayList<>(subject.violations());
        violations.addAll(body.violations());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream().map(v -> new Violation("template", "the approved " + template.audience + " "
                    + template.scenario + " template v" + template.version + " " + v.message() + " (an approved snippet missing, or a status"
                    + " field this version does not have)")).toList());
        }
        return new Composed(template, subject.text().strip(), body.text().strip(), snippets.stream().map(s -> s.id).toList());
    }
}
