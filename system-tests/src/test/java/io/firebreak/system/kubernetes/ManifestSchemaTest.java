package io.firebreak.system.kubernetes;

import static io.firebreak.system.kubernetes.Manifests.named;
import static io.firebreak.system.kubernetes.Manifests.ofKind;
import static io.firebreak.system.kubernetes.Manifests.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Every rendered object against the published schema of its kind, offline: core kinds against the Kubernetes OpenAPI,
 * Gateway API, Strimzi, CloudNativePG, KEDA and prometheus-operator resources against their CRDs (the kubernetes-models
 * packages of the npm registry, pinned in deploy/kubernetes/validation/package-lock.json), strictly: an unknown field,
 * a wrong type or a missing required field is a failure. The Keycloak operator publishes its CRDs to no registry this
 * machine reaches; its realm is read into Keycloak's own typed model instead, and the two resources' envelopes are
 * checked field by field here.
 */
class ManifestSchemaTest {

    private static final Set<String> KEYCLOAK_KINDS = Set.of("k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectMatchesThePublishedSchemaOfItsKind(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        Manifests.Validation validation = Manifests.validate(objects);

        assertThat(validation.kinds()).as("schemas loaded").isGreaterThan(300);
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.unvalidated()).allSatisfy(id -> assertThat(KEYCLOAK_KINDS).anySatisfy(id::startsWith));
        for (JsonNode o : ofKind(objects, "Keycloak")) {
            assertThat(unknownFields(o.path("spec"), KEYCLOAK_SPEC, "spec")).as(Manifests.name(o)).isEmpty();
            assertThat(o.path("spec").path("db").path("vendor").asText()).isEqualTo("postgres");
        }
        for (JsonNode o : ofKind(objects, "KeycloakRealmImport")) {
            assertThat(unknownFields(o.path("spec"), REALM_IMPORT_SPEC, "spec")).as(Manifests.name(o)).isEmpty();
            assertThat(o.path("spec").path("keycloakCRName").asText()).isEqualTo(ofKind(objects, "Keycloak").get(0).path("metadata").path("name").asText());
            // Strict: a realm field Keycloak does not know fails here, as the operator's import would.
            RealmRepresentation realm = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .treeToValue(o.path("spec").path("realm"), RealmRepresentation.class);
            assertThat(realm.getRealm()).isEqualTo("firebreak");
        }
    }

    @Test
    void unknownFieldsWrongTypesAndMissingRequiredFieldsFailTheValidation() throws Exception {
        List<JsonNode> objects = new ArrayList<>(render("dev"));
        ObjectNode deployment = (ObjectNode) named(objects, "Deployment", "comms-service");
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0)).put("imagePullPolicyy", "Always");
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");
        ((ObjectNode) deployment.path("spec")).remove("selector");
        ((ObjectNode) named(objects, "Kafka", "firebreak-kafka").path("spec").path("kafka")).putArray("listenerz");
        ((ObjectNode) named(objects, "KafkaTopic", "firebreak-comms").path("spec")).put("partitions", "six");
        ((ObjectNode) named(objects, "Cluster", "firebreak-db").path("spec").path("storage")).put("sizee", "1Gi");
        ((ArrayNode) named(objects, "KafkaUser", "comms-service").path("spec").path("authorization").path("acls").get(0)
                .path("operations")).set(0, Manifests.JSON.getNodeFactory().textNode("Wrte"));
        ((ObjectNode) named(objects, "HTTPRoute", "firebreak").path("spec").path("rules").get(0)).put("backendRef", "x");
        ((ObjectNode) named(objects, "ScaledObject", "review-service").path("spec")).remove("scaleTargetRef");
        ((ObjectNode) named(objects, "ServiceMonitor", "metrics-service").path("spec").path("endpoints").get(0)).put("interval", 30);
        ((ObjectNode) named(objects, "NetworkPolicy", "default-deny").path("spec")).put("podSelectorr", "{}");

        List<String> problems = Manifests.validate(objects).problems();

        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/comms-service") && p.contains("imagePullPolicyy is not a field"))
                .anyMatch(p -> p.startsWith("Deployment/comms-service") && p.contains("/spec/replicas must be integer"))
                .anyMatch(p -> p.startsWith("Deployment/comms-service") && p.contains("required property selector"))
                .anyMatch(p -> p.startsWith("Kafka/firebreak-kafka") && p.contains("listenerz is not a field"))
                .anyMatch(p -> p.startsWith("KafkaTopic/firebreak-comms") && p.contains("/spec/partitions must be integer"))
                .anyMatch(p -> p.startsWith("Cluster/firebreak-db") && p.contains("sizee is not a field"))
                .anyMatch(p -> p.startsWith("KafkaUser/comms-service") && p.contains("must be equal to one of the allowed values"))
                .anyMatch(p -> p.startsWith("HTTPRoute/firebreak") && p.contains("backendRef is not a field"))
                .anyMatch(p -> p.startsWith("ScaledObject/review-service") && p.contains("required property scaleTargetRef"))
                .anyMatch(p -> p.startsWith("ServiceMonitor/metrics-service") && p.contains("interval must be string"))
                .anyMatch(p -> p.startsWith("NetworkPolicy/default-deny") && p.contains("podSelectorr is not a field"))
                .hasSize(11);
    }

    @Test
    void theRealmImportIsTheLocalRealmWithoutDemoUsersOrCommittedSecrets() throws Exception {
        JsonNode local = Manifests.JSON.readTree(Files.readString(Manifests.root().resolve("deploy/keycloak/firebreak-realm.json")));
        JsonNode imported = named(render("production"), "KeycloakRealmImport", "firebreak-realm").path("spec");
        ObjectNode expected = local.deepCopy();
        expected.remove("users");
        ArrayNode clients = expected.putArray("clients");
        for (JsonNode client : local.path("clients")) {
            if (client.path("clientId").asText().startsWith("demo-")) {
                continue;
            }
            ObjectNode c = client.deepCopy();
            if (c.has("secret")) {
                String placeholder = c.path("clientId").asText().toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_CLIENT_SECRET";
                c.put("secret", "${" + placeholder + "}");
                assertThat(imported.path("placeholders").path(placeholder).path("secret").path("name").asText())
                        .isEqualTo("firebreak-keycloak-clients");
            }
            clients.add(c);
        }
        assertThat(imported.path("realm")).isEqualTo(expected);
        assertThat(imported.path("realm").toString()).doesNotContain("local-dev-only");
    }

    private static final JsonNode KEYCLOAK_SPEC = tree("""
            {"instances":0,"image":"","db":{"vendor":"","host":"","port":0,"database":"","schema":"",
              "usernameSecret":{"name":"","key":""},"passwordSecret":{"name":"","key":""}},
             "http":{"httpEnabled":false,"tlsSecret":""},
             "hostname":{"hostname":"","admin":"","strict":false,"backchannelDynamic":false},
             "proxy":{"headers":""},"ingress":{"enabled":false,"className":""},
             "resources":{"requests":{"cpu":"","memory":""},"limits":{"cpu":"","memory":""}}}""");
    private static final JsonNode REALM_IMPORT_SPEC = tree("""
            {"keycloakCRName":"","realm":null,"placeholders":null}""");

    private static JsonNode tree(String json) {
        try {
            return Manifests.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fields of {@code actual} that the Keycloak operator's resource does not have (taken from its reference, for the
     * fields Firebreak uses): where {@code allowed} has a null, anything goes below (a typed model checks it).
     */
    private static List<String> unknownFields(JsonNode actual, JsonNode allowed, String path) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.has(field)) {
                out.add(path + "." + field);
            } else if (allowed.get(field).isObject()) {
                out.addAll(unknownFields(actual.get(field), allowed.get(field), path + "." + field));
            } else if (!allowed.get(field).isNull() && allowed.get(field).getNodeType() != actual.get(field).getNodeType()) {
                out.add(path + "." + field + " has the wrong type");
            }
        }
        return out;
    }
}
