package io.firebreak.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a service's OpenAPI document, as the fuzzer calls it: its parameters and request body schema
 * (every {@code $ref} resolved), and the roles its security requirement names (empty: no token needed).
 */
record Operation(String context, String method, String path, List<Parameter> parameters, JsonNode bodySchema,
        String bodyMediaType, boolean secured, List<String> roles) {

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    String id() {
        return method + " " + path;
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }
}
