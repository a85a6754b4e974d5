package io.firebreak.system.kubernetes;

import static io.firebreak.system.kubernetes.Manifests.CONTEXTS;
import static io.firebreak.system.kubernetes.Manifests.DEPLOYMENTS;
import static io.firebreak.system.kubernetes.Manifests.map;
import static io.firebreak.system.kubernetes.Manifests.named;
import static io.firebreak.system.kubernetes.Manifests.ofKind;
import static io.firebreak.system.kubernetes.Manifests.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's policies on every rendered overlay: Pod Security "restricted" for every pod, requests, limits and
 * probes, each service with its account, budget and autoscaler, deny-by-default network policies covering every
 * object's namespace, no committed secret, the gateway's routes. (Schemas: {@link ManifestSchemaTest}; Kafka topics
 * and ACLs: {@link KafkaAccessManifestsTest}.)
 */
class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyPodRunsUnderTheRestrictedPodSecurityStandardWithProbes(String overlay) {
        List<JsonNode> deployments = ofKind(render(overlay), "Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(DEPLOYMENTS.keySet());
        for (JsonNode d : deployments) {
            String name = d.path("metadata").path("name").asText();
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(name).isFalse();
            assertThat(pod.path("hostNetwork").asBoolean(false)).as(name).isFalse();
            for (JsonNode v : pod.path("volumes")) {
                assertThat(v.has("emptyDir")).as(name + " volume " + v.path("name").asText()).isTrue();
            }
            for (JsonNode c : pod.path("containers")) {
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as(name).isTrue();
                assertThat(sc.path("privileged").asBoolean(false)).as(name).isFalse();
                assertThat(sc.path("capabilities").path("drop").toString()).as(name).isEqualTo("[\"ALL\"]");
                assertThat(sc.path("capabilities").has("add")).as(name).isFalse();
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/live");
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/ready");
                assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/started");
                assertThat(c.path("volumeMounts").findValuesAsText("mountPath")).as(name).containsExactly("/tmp");
            }
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(name).isGreaterThanOrEqualTo(30);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasItsAccountServiceBudgetAndAutoscalerSelectingItsOwnPods(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (Map.Entry<String, String> deployment : DEPLOYMENTS.entrySet()) {
            String name = deployment.getKey();
            String ctx = deployment.getValue();
            JsonNode d = named(objects, "Deployment", name);
            Map<String, String> podLabels = map(d.path("spec").path("template").path("metadata").path("labels"));
            assertThat(podLabels).containsEntry("app.kubernetes.io/name", name);
            assertThat(d.path("spec").path("template").path("spec").path("serviceAccountName").asText()).isEqualTo(name);
            named(objects, "ServiceAccount", name);
            assertThat(podLabels).containsAllEntriesOf(map(named(objects, "Service", name).path("spec").path("selector")));
            assertThat(map(named(objects, "Service", name).path("spec").path("selector"))).containsEntry("app.kubernetes.io/name", name);
            JsonNode pdb = named(objects, "PodDisruptionBudget", name);
            assertThat(podLabels).containsAllEntriesOf(map(pdb.path("spec").path("selector").path("matchLabels")));
            assertThat(map(pdb.path("spec").path("selector").path("matchLabels"))).containsEntry("app.kubernetes.io/name", name);
            // One autoscaler per service: the CPU HorizontalPodAutoscaler, or KEDA's ScaledObject where the keda component replaces it.
            List<JsonNode> autoscalers = new java.util.ArrayList<>(ofKind(objects, "HorizontalPodAutoscaler"));
            autoscalers.addAll(ofKind(objects, "ScaledObject"));
            assertThat(autoscalers).filteredOn(a -> a.path("spec").path("scaleTargetRef").path("name").asText().equals(name)).hasSize(1);
            // Configuration only through the environment: the service's own config map and its own (never committed) secret.
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> environment = new HashMap<>();
            for (JsonNode source : container.path("envFrom")) {
                environment.putAll(map(named(objects, "ConfigMap", source.path("configMapRef").path("name").asText()).path("data")));
            }
            assertThat(environment).containsEntry("FIREBREAK_DB_USER", ctx).containsKeys("FIREBREAK_DB_REACTIVE_URL",
                    "FIREBREAK_KAFKA_BOOTSTRAP", "FIREBREAK_OIDC_URL", "FIREBREAK_OIDC_AUDIENCE", "FIREBREAK_OIDC_ISSUER", "FIREBREAK_SMTP_HOST");
            // The issuer a service pins is the one Keycloak puts in its tokens: its public host name and the realm.
            assertThat(environment.get("FIREBREAK_OIDC_ISSUER")).isEqualTo(named(objects, "Keycloak", "keycloak").path("spec")
                    .path("hostname").path("hostname").asText() + "/realms/firebreak");
            assertThat(container.path("env").findValuesAsText("name")).contains("FIREBREAK_DB_PASSWORD", "FIREBREAK_AUDIT_KEY");
            // Its own secrets only: its audit key, its database role's password, its Kafka user's credentials, the mail login.
            Set<String> own = Set.of("firebreak-" + ctx, "firebreak-" + ctx + "-db", ctx + "-service", "firebreak-smtp");
            assertThat(container.path("env").findValues("secretKeyRef")).isNotEmpty().allSatisfy(ref -> assertThat(ref.path("name").asText())
                    .isIn(own));
        }
        assertThat(ofKind(objects, "Secret")).as("secrets are never committed").isEmpty();
        for (JsonNode o : objects) {
            assertThat(o.has("data") && o.path("kind").asText().equals("Secret")).as(Manifests.name(o)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyContainerHasRequestsLimitsAndProbesAndEveryDeploymentABudget(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            Map<String, String> podLabels = map(d.path("spec").path("template").path("metadata").path("labels"));
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                JsonNode resources = c.path("resources");
                assertThat(resources.path("requests").has("cpu") && resources.path("requests").has("memory")).as(name + " requests").isTrue();
                assertThat(resources.path("limits").has("memory")).as(name + " memory limit").isTrue();
                assertThat(c.has("livenessProbe") && c.has("readinessProbe") && c.has("startupProbe")).as(name + " probes").isTrue();
            }
            assertThat(ofKind(objects, "PodDisruptionBudget")).as(name + " has a disruption budget")
                    .anySatisfy(pdb -> assertThat(podLabels).containsAllEntriesOf(map(pdb.path("spec").path("selector").path("matchLabels"))));
        }
        // What the operators run is sized too: Kafka brokers, PostgreSQL instances, Keycloak.
        for (String kind : List.of("KafkaNodePool", "Cluster", "Keycloak")) {
            for (JsonNode o : ofKind(objects, kind)) {
                assertThat(o.path("spec").path("resources").path("requests").has("memory")
                        && o.path("spec").path("resources").path("limits").has("memory")).as(Manifests.name(o)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectLivesInANamespaceThatDeniesAllTrafficByDefault(String overlay) {
        List<JsonNode> objects = render(overlay);
        Set<String> denied = new java.util.HashSet<>();
        for (JsonNode p : ofKind(objects, "NetworkPolicy")) {
            JsonNode spec = p.path("spec");
            if (spec.path("podSelector").isEmpty() && !spec.has("ingress") && !spec.has("egress")
                    && spec.path("policyTypes").toString().equals("[\"Ingress\",\"Egress\"]")) {
                denied.add(p.path("metadata").path("namespace").asText());
            }
        }
        assertThat(denied).containsExactly(overlay.equals("dev") ? "firebreak-dev" : "firebreak");
        for (JsonNode o : objects) {
            assertThat(o.path("metadata").path("namespace").asText()).as(Manifests.name(o)).isIn(denied);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void networkTrafficIsDeniedUnlessAPolicyAllowsIt(String overlay) {
        List<JsonNode> policies = ofKind(render(overlay), "NetworkPolicy");
        JsonNode deny = named(policies, "NetworkPolicy", "default-deny");
        assertThat(deny.path("spec").path("podSelector").size()).isZero();
        assertThat(deny.path("spec").path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        assertThat(deny.path("spec").has("ingress") || deny.path("spec").has("egress")).isFalse();
        // Ingress only from the gateway, on the service port; egress to the address ranges of the cluster never by IP.
        JsonNode gateway = named(policies, "NetworkPolicy", "allow-gateway-to-services");
        assertThat(gateway.path("spec").path("ingress").get(0).path("ports").findValuesAsText("port")).containsExactly("8080");
        for (JsonNode p : policies) {
            for (JsonNode ip : p.path("spec").path("egress").findValues("ipBlock")) {
                assertThat(ip.path("except").toString()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
            }
            assertThat(p.path("spec").path("ingress").findValues("ipBlock")).as(p.path("metadata").path("name").asText()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theGatewayRoutesEveryContextAndTheAlertIntakeLikeTheLocalGateway(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode route = named(objects, "HTTPRoute", "firebreak");
        assertThat(route.path("spec").path("parentRefs").get(0).path("name").asText()).isEqualTo(named(objects, "Gateway", "firebreak")
                .path("metadata").path("name").asText());
        Map<String, String> backendOf = new HashMap<>();
        for (JsonNode rule : route.path("spec").path("rules")) {
            for (JsonNode match : rule.path("matches")) {
                backendOf.put(match.path("path").path("type").asText() + " " + match.path("path").path("value").asText(),
                        rule.path("backendRefs").get(0).path("name").asText() + ":" + rule.path("backendRefs").get(0).path("port").asText());
            }
        }
        for (String ctx : CONTEXTS) {
            assertThat(backendOf).containsEntry("PathPrefix /api/v1/" + ctx, ctx + "-service:8080");
        }
        assertThat(backendOf).containsEntry("Exact /v2/enqueue", "classification-intake-service:8080")
                .containsEntry("Exact /v2/change/enqueue", "classification-intake-service:8080")
                .containsEntry("PathPrefix /api/v1/classification/intake", "classification-intake-service:8080");
        for (String backend : backendOf.values()) {
            JsonNode service = named(objects, "Service", backend.split(":")[0]);
            assertThat(service.path("spec").path("ports").findValuesAsText("port")).contains(backend.split(":")[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void classificationIntakeAndSignalProcessingRunAsSeparateDeploymentsSoAStormNeverSlowsIntake(String overlay) {
        List<JsonNode> objects = render(overlay);
        Map<String, String> intake = environment(objects, "classification-intake-service");
        Map<String, String> processing = environment(objects, "classification-service");
        assertThat(intake).containsEntry("FIREBREAK_CLASSIFICATION_PROCESSING_ENABLED", "false")
                .doesNotContainKey("FIREBREAK_CLASSIFICATION_INTAKE_ENABLED");
        assertThat(processing).containsEntry("FIREBREAK_CLASSIFICATION_INTAKE_ENABLED", "false")
                .doesNotContainKey("FIREBREAK_CLASSIFICATION_PROCESSING_ENABLED");
        // Each Service reaches its own replicas only: intake traffic never lands on a processing pod, nor the reverse.
        Map<String, String> intakePods = map(named(objects, "Deployment", "classification-intake-service")
                .path("spec").path("template").path("metadata").path("labels"));
        Map<String, String> processingPods = map(named(objects, "Deployment", "classification-service")
                .path("spec").path("template").path("metadata").path("labels"));
        assertThat(intakePods).doesNotContainEntry("app.kubernetes.io/name", "classification-service");
        assertThat(processingPods).doesNotContainEntry("app.kubernetes.io/name", "classification-intake-service");
        assertThat(processingPods.entrySet().containsAll(map(named(objects, "Service", "classification-intake-service")
                .path("spec").path("selector")).entrySet())).as("the intake Service selects processing pods").isFalse();
        assertThat(intakePods.entrySet().containsAll(map(named(objects, "Service", "classification-service")
                .path("spec").path("selector")).entrySet())).as("the classification Service selects intake pods").isFalse();
        // Where KEDA scales on the signals backlog, it scales the replicas that consume it.
        for (JsonNode scaled : ofKind(objects, "ScaledObject")) {
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("metadata").path("topic").asText().endsWith(".signals")
                        && trigger.path("metadata").path("consumerGroup").asText().equals("classification-service")) {
                    assertThat(scaled.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("classification-service");
                }
            }
        }
    }

    private static Map<String, String> environment(List<JsonNode> objects, String deployment) {
        JsonNode container = named(objects, "Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> environment = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            environment.putAll(map(named(objects, "ConfigMap", source.path("configMapRef").path("name").asText()).path("data")));
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                environment.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return environment;
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionRunsAtLeastTwoSpreadReplicasWithRequestsAndLimits(String overlay) {
        List<JsonNode> objects = render(overlay);
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            assertThat(d.path("spec").path("replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey")).as(name)
                    .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            JsonNode resources = pod.path("containers").get(0).path("resources");
            assertThat(resources.path("requests").has("cpu") && resources.path("requests").has("memory") && resources.path("limits").has("memory"))
                    .as(name).isTrue();
            assertThat(named(objects, "HorizontalPodAutoscaler", name).path("spec").path("minReplicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
        }
    }

    /** A CPU request is also the container's CPU weight on a contended node: the page must not wait behind the followers. */
    @Test
    void productionGivesThePagingPathMoreCpuWeightThanTheServicesThatFollowAnIncident() {
        List<JsonNode> objects = render("production");
        java.util.function.Function<String, Integer> millicores = name -> {
            String cpu = named(objects, "Deployment", name).path("spec").path("template").path("spec").path("containers").get(0)
                    .path("resources").path("requests").path("cpu").asText();
            return cpu.endsWith("m") ? Integer.parseInt(cpu.substring(0, cpu.length() - 1)) : (int) (Double.parseDouble(cpu) * 1000);
        };
        for (String follower : List.of("comms-service", "change-service", "review-service", "metrics-service")) {
            for (String paging : List.of("classification-service", "response-service")) {
                assertThat(millicores.apply(paging)).as(paging + " over " + follower).isGreaterThan(millicores.apply(follower));
            }
        }
    }
}
