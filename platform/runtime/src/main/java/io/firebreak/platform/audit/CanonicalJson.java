package io.firebreak.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 JSON Canonicalization Scheme, by the reference Java implementation of its author: object
 * members sorted by UTF-16 code units, numbers as ECMAScript prints the IEEE-754 double, strings with
 * minimal escaping. So a document hashes the same after any round trip that keeps its values (jsonb,
 * another JSON library, another language), whatever the key order, spacing or number spelling.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static String of(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses numbers that a double cannot hold exactly as written (integers beyond 2^53, decimals with
     * more digits than a double keeps): RFC 8785 reads every number as a double, so two such values
     * could canonicalise alike and share a MAC. Write them as strings.
     */
    public static void requireExactNumbers(JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            BigDecimal written = node.decimalValue();
            String canonical;
            try {
                canonical = NumberToJSON.serializeNumber(node.doubleValue());
            } catch (IOException e) {
                throw new IllegalArgumentException(path + " is not a finite number");
            }
            if (written.compareTo(new BigDecimal(canonical)) != 0) {
                throw new IllegalArgumentException(path + " = " + node.asText()
                        + " is not exactly representable as an IEEE-754 double; audit it as a string");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                requireExactNumbers(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireExactNumbers(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
