package io.firebreak.review.domain.trackers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.platform.delivery.OutboundMessage;
import io.firebreak.review.domain.trackers.TrackerApi.ItemText;
import io.firebreak.review.domain.trackers.TrackerApi.TrackerUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TrackerTarget GITHUB = new TrackerTarget(TrackerTarget.Kind.GITHUB, "https://api.github.com/", "acme/checkout",
            null, null, null, "github-acme");
    private static final TrackerTarget JIRA = new TrackerTarget(TrackerTarget.Kind.JIRA, "https://acme.atlassian.net", null, "OPS", "Task",
            "31", "jira-acme");
    private static final ItemText ITEM = new ItemText("INC-2026-0042", "Alert on pool saturation", null, "sonia",
            Instant.parse("2026-12-14T12:00:00Z"), "HIGH", "MONITORING_CONFIGURATION", "https://firebreak.example/pm");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void gitHubIssueIsCreatedInTheRepositoryWithTheTeamsCredentialAndItsAnswerKept() throws Exception {
        OutboundMessage m = GITHUB.api().create(ITEM);
        assertThat(m.method()).isEqualTo("POST");
        assertThat(m.url()).isEqualTo("https://api.github.com/repos/acme/checkout/issues");
        assertThat(m.credential()).isEqualTo("github-acme");
        assertThat(m.headers()).containsEntry("X-GitHub-Api-Version", "2022-11-28").containsEntry("Accept", "application/vnd.github+json");
        assertThat(m.keepsResponse()).isTrue();
        JsonNode body = json(m.body());
        assertThat(body.path("title").asText()).isEqualTo("[INC-2026-0042] Alert on pool saturation");
        assertThat(body.path("body").asText()).contains("Owner: sonia").contains("Evidence: <link to the changed alert rule>");
    }

    @Test
    void gitHubAnswerNamesTheIssueNumberAndLink() {
        assertThat(GITHUB.api().created("{\"id\":1,\"number\":1347,\"html_url\":\"https://github.com/acme/checkout/issues/1347\"}"))
                .isEqualTo(new TrackerApi.TrackerLink("1347", "https://github.com/acme/checkout/issues/1347"));
        assertThat(GITHUB.api().created("{\"message\":\"Bad credentials\"}")).isNull();
        assertThat(GITHUB.api().created("not json")).isNull();
    }

    @Test
    void gitHubClosedAsNotPlannedIsClosedButNotCompleted() throws Exception {
        TrackerUpdate u = GITHUB.api().update("issues", json("{\"action\":\"closed\",\"issue\":{\"number\":7,\"state\":\"closed\","
                + "\"state_reason\":\"not_planned\",\"body\":\"x\"},\"repository\":{\"full_name\":\"acme/checkout\"},\"sender\":{\"login\":\"kim\"}}"));
        assertThat(u).isEqualTo(new TrackerUpdate("7", true, false, "github:kim", null));
    }

    @Test
    void gitHubWebhookOfAnotherRepositoryOrEventIsIgnored() throws Exception {
        String payload = "{\"action\":\"closed\",\"issue\":{\"number\":7,\"state\":\"closed\"},\"repository\":{\"full_name\":\"acme/other\"}}";
        assertThat(GITHUB.api().update("issues", json(payload))).isNull();
        assertThat(GITHUB.api().update("issue_comment", json(payload.replace("acme/other", "acme/checkout")))).isNull();
    }

    @Test
    void evidenceIsTheLastEvidenceLineWithALink() {
        assertThat(TrackerApi.evidenceIn("Fixed.\nEvidence: https://a.example/1\n  evidence: https://a.example/2 (final)")).isEqualTo("https://a.example/2");
        assertThat(TrackerApi.evidenceIn("Evidence: <link to the changed runbook>")).isNull();
        assertThat(TrackerApi.evidenceIn("see https://a.example/1")).isNull();
    }

    @Test
    void jiraIssueIsCreatedWithAnAtlassianDocumentDescriptionAndClosedByTheDoneTransition() throws Exception {
        OutboundMessage create = JIRA.api().create(ITEM);
        assertThat(create.url()).isEqualTo("https://acme.atlassian.net/rest/api/3/issue");
        JsonNode fields = json(create.body()).path("fields");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("OPS");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("description").path("type").asText()).isEqualTo("doc");
        assertThat(fields.path("description").path("content").get(0).path("content").get(0).path("text").asText())
                .isEqualTo("Action item of the post-mortem of INC-2026-0042 (Firebreak).");
        for (JsonNode paragraph : fields.path("description").path("content")) {
            assertThat(paragraph.path("content").get(0).path("text").asText()).isNotBlank(); // ADF refuses empty text nodes
        }
        OutboundMessage close = JIRA.api().close("OPS-9");
        assertThat(close.url()).isEqualTo("https://acme.atlassian.net/rest/api/3/issue/OPS-9/transitions");
        assertThat(json(close.body()).path("transition").path("id").asText()).isEqualTo("31");
        assertThat(JIRA.api().created("{\"id\":\"10000\",\"key\":\"OPS-9\",\"self\":\"https://acme.atlassian.net/rest/api/3/issue/10000\"}"))
                .isEqualTo(new TrackerApi.TrackerLink("OPS-9", "https://acme.atlassian.net/browse/OPS-9"));
    }

    @Test
    void jiraDoneStatusCompletesWithTheEvidenceLinkedInTheDescription() throws Exception {
        String payload = "{\"webhookEvent\":\"jira:issue_updated\",\"user\":{\"accountId\":\"5b10\"},\"issue\":{\"key\":\"OPS-9\",\"fields\":{"
                + "\"project\":{\"key\":\"OPS\"},\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}},"
                + "\"description\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Evidence: \"},{\"type\":\"text\",\"text\":\"the rule\",\"marks\":[{\"type\":\"link\","
                + "\"attrs\":{\"href\":\"https://git.example.com/alerts/pool.yaml\"}}]}]}]}}}}";
        assertThat(JIRA.api().update(null, json(payload)))
                .isEqualTo(new TrackerUpdate("OPS-9", true, true, "jira:5b10", "https://git.example.com/alerts/pool.yaml"));
        assertThat(JIRA.api().update(null, json(payload.replace("\"done\"", "\"indeterminate\"")))).extracting(TrackerUpdate::closed).isEqualTo(false);
        assertThat(JIRA.api().update(null, json(payload.replace("\"OPS\"", "\"HR\"")))).isNull();
    }

    @Test
    void jiraResolvedAsWontDoIsClosedButNotCompleted() throws Exception {
        String payload = "{\"webhookEvent\":\"jira:issue_updated\",\"user\":{\"accountId\":\"5b10\"},\"issue\":{\"key\":\"OPS-9\",\"fields\":{"
                + "\"status\":{\"statusCategory\":{\"key\":\"done\"}},\"resolution\":{\"name\":\"Won't Do\"}}}}";
        assertThat(JIRA.api().update(null, json(payload))).isEqualTo(new TrackerUpdate("OPS-9", true, false, "jira:5b10", null));
    }
}
