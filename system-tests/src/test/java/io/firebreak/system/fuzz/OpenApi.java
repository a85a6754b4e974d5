package io.firebreak.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations every service publishes through the gateway ({@code /openapi/<context>}), so the fuzzer calls what
 * the services really serve rather than a list kept by hand that drifts from it.
 */
final class OpenApi {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    static List<Operation> operations(HttpClient http, String gateway, String context) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/openapi/" + context)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /openapi/" + context + " answered " + r.statusCode());
        }
        JsonNode doc = JSON.readTree(r.body());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(operation(doc, context, method.toUpperCase(), path.getKey(), path.getValue(), op));
                }
            }
        }
        return operations;
    }

    private static Operation operation(JsonNode doc, String context, String method, String path, JsonNode pathItem, JsonNode op) {
        List<Operation.Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(doc, p, 0);
                parameters.add(new Operation.Parameter(param.path("name").asText(), param.path("in").asText(),
                        resolve(doc, param.path("schema"), 0), param.path("required").asBoolean(false)));
            }
        }
        JsonNode body = null;
        String mediaType = null;
        JsonNode content = resolve(doc, op.path("requestBody"), 0).path("content");
        for (Iterator<String> types = content.fieldNames(); types.hasNext() && body == null; ) {
            mediaType = types.next();
            body = resolve(doc, content.path(mediaType).path("schema"), 0);
        }
        List<String> roles = new ArrayList<>();
        JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return new Operation(context, method, path, List.copyOf(parameters), body, mediaType, !security.isEmpty(), List.copyOf(roles));
    }

    /** The node with every {@code $ref} (to {@code #/components/...}) replaced by its target, cut off at depth 12. */
    static JsonNode resolve(JsonNode doc, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > 12) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            return resolve(doc, doc.at(ref.substring(1)), depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(doc, f.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(resolve(doc, n, depth + 1)));
            return copy;
        }
        return node;
    }
}
