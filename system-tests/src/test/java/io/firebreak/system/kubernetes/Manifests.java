package io.firebreak.system.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes manifests as an operator gets them: an overlay rendered by {@code kubectl kustomize}, and the offline
 * schema validation of rendered objects ({@code deploy/kubernetes/validation}, the published schemas from the npm
 * registry, installed once per checkout with {@code npm ci}).
 */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "production");
    static final List<String> CONTEXTS = List.of("classification", "response", "comms", "change", "review", "metrics");
    /**
     * Every Deployment and the bounded context it runs: one per context, and classification's intake replicas
     * (base/classification-intake: the same service with signal processing switched off).
     */
    static final Map<String, String> DEPLOYMENTS = deployments();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    private static Map<String, String> deployments() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        CONTEXTS.forEach(ctx -> out.put(ctx + "-service", ctx));
        out.put("classification-intake-service", "classification");
        return java.util.Collections.unmodifiableMap(out);
    }

    static Path root() {
        return Path.of(System.getProperty("user.dir")).getParent();
    }

    /** The objects of an overlay, each call a fresh deep copy (tests mutate them). */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize).stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    private static List<JsonNode> kustomize(String overlay) {
        String out = run(List.of("kubectl", "kustomize", root().resolve("deploy/kubernetes/overlays/" + overlay).toString()), root());
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(out)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode o = it.next();
                if (o != null && !o.isNull()) {
                    objects.add(o);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return objects;
    }

    record Validation(List<String> problems, List<String> unvalidated, int kinds) {
    }

    /** Validates objects against the published schemas of their kinds, strictly (validate.mjs says how). */
    static Validation validate(List<JsonNode> objects) throws IOException {
        Path tool = root().resolve("deploy/kubernetes/validation");
        synchronized (Manifests.class) {
            if (!Files.exists(tool.resolve("node_modules/.package-lock.json"))) {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), tool);
            }
        }
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        Path input = Files.createTempFile("firebreak-manifests", ".json");
        try {
            JSON.writeValue(input.toFile(), array);
            JsonNode report = JSON.readTree(run(List.of("node", tool.resolve("validate.mjs").toString(), input.toString()), tool));
            return new Validation(texts(report.path("problems")), texts(report.path("unvalidated")), report.path("kinds").asInt());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String run(List<String> command, Path dir) {
        try {
            Path stderr = Files.createTempFile("firebreak-manifests", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile()).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
                assertThat(process.exitValue()).as("%s: %s%s", command, out, Files.readString(stderr)).isZero();
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
