package io.firebreak.comms.domain.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.problem.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRulesTest {

    private static final TemplateRules.Values VALUES = new TemplateRules.Values(
            TemplateRules.Values.present("key", "INC-2026-7", "title", "Checkout down", "priority", "P1", "businessService", "checkout"),
            TemplateRules.Values.present("version", 2, "state", "identified", "impact", "Card payments fail", "affectedServices", "checkout, payments",
                    "nextUpdateDue", null),
            Map.of("apology", "We are sorry for the disruption."), null);

    @Test
    void knownPlaceholdersAndSnippetsPassTheCheck() {
        TemplateRules.Check check = TemplateRules.check("body",
                "{incident.key}: {status.impact}. {snippet.apology} {#if freeText??}{freeText}{/if} {snippet.next_steps}");
        assertThat(check.violations()).isEmpty();
        assertThat(check.snippets()).containsExactly("apology", "next-steps");
    }

    @Test
    void unknownPlaceholdersMethodsAndNamespacesAreRefused() {
        assertThat(TemplateRules.check("body", "{incident.revenue}").violations()).extracting(Violation::message)
                .singleElement().asString().contains("unknown placeholder {incident.revenue}");
        assertThat(TemplateRules.check("body", "{customer.name}").violations()).hasSize(1);
        assertThat(TemplateRules.check("body", "{incident.title.toUpperCase()}").violations()).extracting(Violation::message)
                .singleElement().asString().contains("methods are not available");
        assertThat(TemplateRules.check("body", "{config:secret}").violations()).hasSize(1);
        assertThat(TemplateRules.check("subject", "{#if incident.key}unclosed").violations()).extracting(Violation::message)
                .singleElement().asString().startsWith("is not a valid template");
    }

    @Test
    void rendersTheStatusFieldsIntoTheText() {
        TemplateRules.Rendered r = TemplateRules.render("body", "[{incident.priority}] {incident.key} is {status.state}: {status.impact} "
                + "({status.affectedServices}). {snippet.apology}{#if freeText??} {freeText}{/if}", VALUES);
        assertThat(r.violations()).isEmpty();
        assertThat(r.text()).isEqualTo("[P1] INC-2026-7 is identified: Card payments fail (checkout, payments). We are sorry for the disruption.");
    }

    @Test
    void aPlaceholderWithoutAValueIsAViolationNeverAnEmptyHole() {
        TemplateRules.Rendered missingDue = TemplateRules.render("body", "Next update at {status.nextUpdateDue}.", VALUES);
        assertThat(missingDue.text()).isNull();
        assertThat(missingDue.violations()).extracting(Violation::message).singleElement().asString().contains("nextUpdateDue");
        assertThat(TemplateRules.render("body", "{snippet.unapproved}", VALUES).violations()).hasSize(1);
        assertThat(TemplateRules.render("body", "{freeText}", VALUES).violations()).hasSize(1);
        assertThat(TemplateRules.render("body", "Due: {status.nextUpdateDue ?: 'when we know more'}", VALUES).text())
                .isEqualTo("Due: when we know more");
    }
}
