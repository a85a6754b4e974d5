package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema of every event type in the AsyncAPI document describes its payload record exactly. */
class PayloadSchemaTest {

    private static final JsonNode DOCUMENT = read();

    static Stream<String> eventTypes() {
        List<String> types = new java.util.ArrayList<>();
        for (Field field : EventTypes.class.getFields()) {
            try {
                types.add((String) field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return types.stream();
    }

    @Test
    void everyEventTypeHasAPayloadRecord() {
        assertThat(EventCatalog.PAYLOADS.keySet()).containsExactlyInAnyOrderElementsOf(eventTypes().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theSchemaListsEveryFieldOfTheRecordWithItsTypeAndWhetherItIsRequired(String type) {
        JsonNode message = ContractCompatibility.messages(DOCUMENT).get(type);
        assertThat(message).as("AsyncAPI message named %s", type).isNotNull();
        JsonNode schema = resolve(message.path("payload"));
        Class<? extends Record> payload = EventCatalog.PAYLOADS.get(type);

        Set<String> fields = new HashSet<>();
        Set<String> required = new HashSet<>();
        for (RecordComponent component : payload.getRecordComponents()) {
            fields.add(component.getName());
            if (!component.isAnnotationPresent(OptionalField.class)) {
                required.add(component.getName());
            }
            JsonNode property = resolve(schema.path("properties").path(component.getName()));
            assertThat(property.isMissingNode()).as("%s.%s in the schema", type, component.getName()).isFalse();
            assertThat(jsonType(property)).as("JSON type of %s.%s", type, component.getName())
                    .isEqualTo(expectedJsonType(component.getGenericType()));
            if (component.getType() == UUID.class) {
                assertThat(property.path("format").asText()).as("format of %s.%s", type, component.getName()).isEqualTo("uuid");
            }
            if (component.getType() == Instant.class) {
                assertThat(property.path("format").asText()).as("format of %s.%s", type, component.getName()).isEqualTo("date-time");
            }
        }
        Set<String> schemaFields = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> schemaRequired = new HashSet<>();
        schema.path("required").forEach(r -> schemaRequired.add(r.asText()));

        assertThat(schemaFields).as("fields of %s", type).isEqualTo(fields);
        assertThat(schemaRequired).as("required fields of %s (the record's fields not marked @OptionalField)", type).isEqualTo(required);
    }

    private static String expectedJsonType(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == java.time.LocalDate.class || raw.isEnum()) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == double.class || raw == Double.class || raw == java.math.BigDecimal.class) {
            return "number";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            return "object";
        }
        throw new AssertionError("no JSON type known for " + type);
    }

    private static String jsonType(JsonNode property) {
        return property.path("type").asText(null);
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        while (node.has("$ref")) {
            JsonNode target = DOCUMENT;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../docs/events/asyncapi.yaml").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
