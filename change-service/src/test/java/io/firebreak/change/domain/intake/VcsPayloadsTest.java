package io.firebreak.change.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the fixtures written after GitHub's and GitLab's documented webhook payloads. */
class VcsPayloadsTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");

    private static JsonNode fixture(String name, String... replacements) throws Exception {
        try (InputStream in = VcsPayloadsTest.class.getResourceAsStream("/webhooks/" + name)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            return new ObjectMapper().readTree(text);
        }
    }

    @Test
    void aGithubPushYieldsEachCommitWithItsWholeMessageForReferences() throws Exception {
        JsonNode push = fixture("github-push.json", "__REPOSITORY__", "acme/checkout", "__INCIDENT__", "INC-2026-0042", "__CHANGE__", "CHG-7",
                "__TIMESTAMP__", "2026-12-01T09:30:00+01:00");
        List<Received> items = VcsPayloads.github("push", "d-1", push, "checkout", RECEIVED);
        assertThat(items).hasSize(1);
        Received commit = items.get(0);
        assertThat(commit.kind()).isEqualTo(Received.COMMIT);
        assertThat(commit.repository()).isEqualTo("acme/checkout");
        assertThat(commit.summary()).isEqualTo("Roll checkout back to 1.4.2");
        assertThat(commit.text()).contains("INC-2026-0042", "CHG-7");
        assertThat(commit.occurredAt()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(commit.deliveryKey()).isEqualTo("github:acme/checkout:commit:59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5");
    }

    @Test
    void onlyASuccessfulGithubDeploymentStatusIsADeploy() throws Exception {
        String[] values = {"__REPOSITORY__", "acme/checkout", "__DEPLOYMENT__", "42", "__TIMESTAMP__", "2026-12-01T09:00:00Z",
                "__DESCRIPTION__", "CHG-9"};
        JsonNode success = fixture("github-deployment-status.json", values);
        Received deploy = VcsPayloads.github("deployment_status", "d-2", success, "checkout", RECEIVED).get(0);
        assertThat(deploy.kind()).isEqualTo(Received.DEPLOY);
        assertThat(deploy.environment()).isEqualTo("production");
        assertThat(deploy.revision()).isEqualTo("a10867b14bb761a232cd80139fbd4c0d33264240");
        assertThat(deploy.text()).contains("CHG-9");
        ((com.fasterxml.jackson.databind.node.ObjectNode) success.path("deployment_status")).put("state", "failure");
        assertThat(VcsPayloads.github("deployment_status", "d-3", success, "checkout", RECEIVED)).isEmpty();
        assertThat(VcsPayloads.github("issues", "d-4", success, "checkout", RECEIVED)).isEmpty();
    }

    @Test
    void gitlabPushesAndDeploymentsAreReadWithGitlabsTimeFormat() throws Exception {
        JsonNode push = fixture("gitlab-push.json", "__REPOSITORY__", "acme/payments", "__INCIDENT__", "INC-2026-0042", "__CHANGE__", "CHG-8",
                "__TIMESTAMP__", "2026-12-01T09:00:00+01:00");
        Received commit = VcsPayloads.gitlab("Push Hook", "u-1", push, "payments", RECEIVED).get(0);
        assertThat(commit.author()).isEqualTo("John Smith");
        assertThat(commit.text()).contains("CHG-8");
        JsonNode deployment = fixture("gitlab-deployment.json", "__REPOSITORY__", "acme/payments", "__DEPLOYMENT__", "15",
                "__GITLAB_TIME__", "2021-04-28 21:50:00 +0200");
        Received deploy = VcsPayloads.gitlab("Deployment Hook", "u-2", deployment, "payments", RECEIVED).get(0);
        assertThat(deploy.occurredAt()).isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
        assertThat(deploy.author()).isEqualTo("root");
        assertThat(deploy.deliveryKey()).isEqualTo("gitlab:acme/payments:deploy:15");
    }
}
