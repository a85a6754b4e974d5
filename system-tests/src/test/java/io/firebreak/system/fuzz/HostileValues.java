package io.firebreak.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * Hostile values from jqwik's generators (with their edge cases mixed in), drawn from one seeded {@link Random} so a
 * run is reproduced by its seed: any Unicode (control characters, lone surrogates, right-to-left marks), classic
 * injection and traversal payloads, strings of many kilobytes, numbers past every integer and floating range,
 * negative and zero counts, and ids that are not ids.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int GEN_SIZE = 1_000;
    private static final List<String> PAYLOADS = List.of(
            "' OR '1'='1' --", "'; DROP TABLE incident; --", "\" OR \"\"=\"", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
            "%00", "\u0000", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/x}", "{{7*7}}", "#{7*7}", "\ud800",
            "\udfff\ud800", "\u202egnp.exe", "\ufeff", "𝕏𝕏𝕏", "null", "undefined", "NaN", "-Infinity", "true", "[]", "{}",
            "", " ", "\t\r\n", "0", "-1", "1e309", "99999999999999999999999999", "0x7fffffff", "2026-13-45T25:61:61Z",
            "2026-02-30", "P-1D", "+0000000000000", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA", "admin", "*", "%", "_", "\\", "/", "?", "#", "&", "=", "\"", "'",
            "javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "mailto:a@b",
            "a@b", "@", "+1", "+999999999999999999", "P1", "P0", "p1", "SEV-1", "RESOLVED", "resolved ");

    private final Random random;
    private final RandomGenerator<String> unicode = Arbitraries.strings().all().ofMaxLength(80).generatorWithEmbeddedEdgeCases(GEN_SIZE);
    private final RandomGenerator<String> huge = Arbitraries.strings().withChars("aZ9-_ é€\u0000").ofMinLength(4_000).ofMaxLength(40_000)
            .generator(GEN_SIZE);
    private final RandomGenerator<String> payload = Arbitraries.of(PAYLOADS).generator(GEN_SIZE);
    private final RandomGenerator<Long> longs = Arbitraries.longs().generatorWithEmbeddedEdgeCases(GEN_SIZE);
    private final RandomGenerator<BigInteger> bigIntegers = Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)).generatorWithEmbeddedEdgeCases(GEN_SIZE);
    private final RandomGenerator<BigDecimal> decimals = Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e30"), new BigDecimal("1e30")).ofScale(12).generatorWithEmbeddedEdgeCases(GEN_SIZE);
    private final RandomGenerator<Integer> kinds = Arbitraries.integers().between(0, 99).generator(GEN_SIZE);

    HostileValues(Random random) {
        this.random = random;
    }

    /** A hostile string: any Unicode mostly, a known payload often, many kilobytes sometimes. */
    String text() {
        int kind = kinds.next(random).value();
        if (kind < 45) {
            return unicode.next(random).value();
        }
        if (kind < 90) {
            return payload.next(random).value();
        }
        return huge.next(random).value();
    }

    /** A hostile number as JSON: longs (with their extremes), integers past 64 bits, decimals, 1e400, -0. */
    JsonNode number() {
        int kind = kinds.next(random).value();
        if (kind < 40) {
            return NODES.numberNode(longs.next(random).value());
        }
        if (kind < 65) {
            return NODES.numberNode(bigIntegers.next(random).value());
        }
        if (kind < 90) {
            return NODES.numberNode(decimals.next(random).value());
        }
        return kind < 95 ? NODES.numberNode(new BigDecimal("1e400")) : NODES.numberNode(-0.0d);
    }

    /** Any hostile JSON value: a value of a type the field does not have, in most cases. */
    JsonNode value() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2, 3 -> number();
            case 4 -> NODES.arrayNode().add(text()).add(number());
            case 5 -> NODES.objectNode().put(text(), text());
            default -> NODES.textNode(text());
        };
    }

    /** A path segment where an id or name belongs: a random UUID (an object that is not there) or something no id is. */
    String id() {
        return switch (random.nextInt(6)) {
            case 0 -> uuid().toString();
            case 1 -> Long.toString(longs.next(random).value());
            case 2 -> bigIntegers.next(random).value().toString();
            default -> text();
        };
    }

    /** A version-4 UUID from the seeded generator (UUID.randomUUID would make the run irreproducible). */
    UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }
}
