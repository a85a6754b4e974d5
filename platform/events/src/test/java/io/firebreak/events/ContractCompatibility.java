package io.firebreak.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two AsyncAPI documents of the event contract and lists what would break a subscriber of the
 * older one (see docs/events/released/README.md for the rules). Messages are matched by {@code name},
 * the CloudEvent type; schemas are compared after resolving local {@code $ref}s.
 */
final class ContractCompatibility {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Keywords whose change changes what a value is or means. */
    private static final List<String> MEANING = List.of("type", "format", "const", "pattern", "x-unit");

    private final JsonNode released;
    private final JsonNode current;
    private final List<String> breaking = new ArrayList<>();

    private ContractCompatibility(JsonNode released, JsonNode current) {
        this.released = released;
        this.current = current;
    }

    static List<String> breakingChanges(Path released, Path current) throws IOException {
        return breakingChanges(YAML.readTree(released.toFile()), YAML.readTree(current.toFile()));
    }

    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        ContractCompatibility check = new ContractCompatibility(released, current);
        check.compare();
        return check.breaking;
    }

    static JsonNode parse(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    /** Every message of a document by its name (the event type). */
    static Map<String, JsonNode> messages(JsonNode document) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        document.path("components").path("messages").forEach(m -> {
            if (m.hasNonNull("name")) {
                byName.put(m.get("name").asText(), m);
            }
        });
        return byName;
    }

    private void compare() {
        Map<String, JsonNode> before = messages(released);
        Map<String, JsonNode> after = messages(current);
        before.forEach((type, old) -> {
            JsonNode now = after.get(type);
            if (now == null) {
                breaking.add(type + ": the event type was removed");
                return;
            }
            schema(type + " headers", resolve(released, old.path("headers")), resolve(current, now.path("headers")));
            schema(type, resolve(released, old.path("payload")), resolve(current, now.path("payload")));
        });
    }

    private void schema(String where, JsonNode old, JsonNode now) {
        if (old.isMissingNode()) {
            return;
        }
        if (now.isMissingNode()) {
            breaking.add(where + ": the schema was removed");
            return;
        }
        for (String keyword : MEANING) {
            if (old.has(keyword) && !old.get(keyword).equals(now.get(keyword))) {
                breaking.add(where + ": " + keyword + " changed from " + old.get(keyword) + " to " + now.get(keyword));
            }
        }
        if (!old.has("type") && now.has("type")) {
            breaking.add(where + ": type narrowed to " + now.get("type"));
        }
        enums(where, old, now);
        if (old.has("properties") || now.has("properties")) {
            properties(where, old, now);
        }
        if (old.has("items")) {
            schema(where + "[]", resolve(released, old.get("items")), resolve(current, now.path("items")));
        }
    }

    private void enums(String where, JsonNode old, JsonNode now) {
        if (!old.has("enum")) {
            if (now.has("enum")) {
                breaking.add(where + ": values are now restricted to " + now.get("enum"));
            }
            return;
        }
        Set<String> before = texts(old.get("enum"));
        Set<String> after = texts(now.path("enum"));
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(after);
        if (!now.has("enum")) {
            return; // any value is allowed now: nothing a subscriber relied on is gone
        }
        if (!removed.isEmpty()) {
            breaking.add(where + ": enum values removed " + removed);
        }
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        if (!added.isEmpty() && !old.path("x-extensible-enum").asBoolean(false)) {
            breaking.add(where + ": enum values added " + added + " to an enum not marked x-extensible-enum");
        }
    }

    private void properties(String where, JsonNode old, JsonNode now) {
        Set<String> requiredBefore = texts(old.path("required"));
        Set<String> requiredNow = texts(now.path("required"));
        JsonNode newProperties = now.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = old.path("properties").properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String path = where + "." + name;
            if (!newProperties.has(name)) {
                breaking.add(path + ": the field was removed");
                continue;
            }
            if (requiredBefore.contains(name) && !requiredNow.contains(name)) {
                breaking.add(path + ": a required field became optional (subscribers rely on it)");
            }
            if (!requiredBefore.contains(name) && requiredNow.contains(name)) {
                breaking.add(path + ": an optional field became required");
            }
            schema(path, resolve(released, field.getValue()), resolve(current, newProperties.get(name)));
        }
        for (String name : requiredNow) {
            if (!old.path("properties").has(name)) {
                breaking.add(where + "." + name + ": a new field is required (new fields must be optional)");
            }
        }
    }

    /** A schema with its local {@code $ref} followed; the reference name itself is compared as meaning. */
    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode node = schema;
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
