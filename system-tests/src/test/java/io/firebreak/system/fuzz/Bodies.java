package io.firebreak.system.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies for one operation: first a body that fits its schema (so a mutation reaches the field checks behind
 * the parser), then one mutation of it — a required field missing, a field of the wrong type or with a hostile value,
 * an unknown field, the whole body of another JSON type — or a body the parser must refuse: truncated, nested ten
 * thousand deep, invalid UTF-8, empty, of another content type, larger than the services accept.
 */
final class Bodies {

    record Body(byte[] bytes, String contentType, String mutation) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostileValues values;

    Bodies(HostileValues values) {
        this.values = values;
    }

    /** The body that fits the operation's schema, or none when it takes none. */
    Body plain(Operation op) {
        return op.bodySchema() == null ? null
                : json(valid(op.bodySchema(), 0), op.bodyMediaType() == null ? "application/json" : op.bodyMediaType(), "valid");
    }

    Body next(Operation op) {
        String type = op.bodyMediaType() == null ? "application/json" : op.bodyMediaType();
        JsonNode valid = valid(op.bodySchema() == null ? NODES.objectNode() : op.bodySchema(), 0);
        int kind = values.below(100);
        if (op.bodySchema() == null && kind < 70) {
            return null;
        }
        if (kind < 45) {
            return json(mutate(valid), type, "mutated");
        }
        if (kind < 55) {
            return json(valid, type, "valid");
        }
        if (kind < 65) {
            return json(values.value(), type, "other JSON type");
        }
        return switch (values.below(9)) {
            case 0 -> text(write(valid).substring(0, Math.max(0, write(valid).length() / 2)), type, "truncated");
            case 1 -> text(write(valid) + "}{,", type, "trailing garbage");
            case 2 -> text("[".repeat(10_000) + "]".repeat(10_000), type, "nested 10,000 deep");
            case 3 -> new Body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}, type, "invalid UTF-8");
            case 4 -> new Body(new byte[0], type, "empty");
            case 5 -> text(write(valid), "text/plain", "text/plain");
            case 6 -> text("<incident><title>x</title></incident>", "application/xml", "XML");
            case 7 -> text("{\"a\": NaN, 'b': 01, /* c */ \"d\": .5}", type, "not JSON (NaN, quotes, comments)");
            default -> text("{\"padding\":\"" + "x".repeat(600 * 1024) + "\"}", type, "600 KB");
        };
    }

    /** A value that fits the schema: every property, the first enum constant, the format's shape, the minimum. */
    JsonNode valid(JsonNode schema, int depth) {
        if (depth > 8) {
            return NODES.nullNode();
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                return valid(schema.get(combinator).get(0), depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), valid(f.getValue(), depth + 1)));
                yield o;
            }
            case "array" -> NODES.arrayNode().add(valid(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.5));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(switch (schema.path("format").asText("")) {
                case "uuid" -> values.uuid().toString();
                case "date-time" -> "2026-12-01T10:00:00Z";
                case "date" -> "2026-12-01";
                case "email" -> "fuzz@example.com";
                case "uri", "url" -> "https://example.com/fuzz";
                case "duration" -> "PT5M";
                default -> "fuzz";
            });
            default -> NODES.textNode("fuzz");
        };
    }

    private JsonNode mutate(JsonNode valid) {
        List<JsonNode> containers = new ArrayList<>();
        collect(valid, containers);
        if (containers.isEmpty()) {
            return values.value();
        }
        JsonNode target = containers.get(values.below(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int what = values.below(5);
            if (what == 0 || names.isEmpty()) {
                o.set(values.text(), values.value());
            } else {
                String name = names.get(values.below(names.size()));
                switch (what) {
                    case 1 -> o.remove(name);
                    case 2 -> o.set(name, NODES.textNode(values.text()));
                    case 3 -> o.set(name, values.number());
                    default -> o.set(name, values.value());
                }
            }
        } else if (target instanceof ArrayNode a) {
            if (values.chance(50)) {
                a.removeAll();
            } else {
                for (int i = values.below(200); i > 0; i--) {
                    a.add(values.value());
                }
            }
        }
        return valid;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** The node as the media type wants it: JSON, or for a form its fields as name=value pairs. */
    private static Body json(JsonNode node, String type, String mutation) {
        if (type.startsWith("application/x-www-form-urlencoded") && node.isObject()) {
            List<String> pairs = new ArrayList<>();
            node.fields().forEachRemaining(f -> pairs.add(encode(f.getKey()) + "="
                    + encode(f.getValue().isTextual() ? f.getValue().asText() : write(f.getValue()))));
            return text(String.join("&", pairs), type, mutation);
        }
        return text(write(node), type, mutation);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Body text(String text, String type, String mutation) {
        return new Body(text.getBytes(StandardCharsets.UTF_8), type, mutation);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
