package io.firebreak.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    // Decimals kept exact, as a service holding money or ratios would.
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void matchesTheRfc8785TestVectors(String name) throws IOException {
        String input = resource("jcs/input/" + name + ".json");
        String expected = resource("jcs/output/" + name + ".json");

        assertThat(CanonicalJson.of(mapper.readTree(input))).isEqualTo(expected.strip());
    }

    @Test
    void numbersCanonicaliseByValueNotBySpelling() throws IOException {
        // jsonb keeps 1.0 and 2.50 as written, other stores print 1 and 2.5: the canonical form is one.
        String a = CanonicalJson.of(mapper.readTree("{\"b\":2.50,\"a\":1.0,\"c\":1E2}"));
        String b = CanonicalJson.of(mapper.readTree("{\"a\":1,\"c\":100,\"b\":2.5}"));

        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":1,\"b\":2.5,\"c\":100}");
    }

    @Test
    void numbersADoubleCannotHoldExactlyAreRefused() throws IOException {
        assertThatThrownBy(() -> CanonicalJson.requireExactNumbers(mapper.readTree("{\"id\":12345678901234567890}"), "content"))
                .hasMessageContaining("content.id");
        assertThatThrownBy(() -> CanonicalJson.requireExactNumbers(mapper.readTree("[0.1000000000000000000001]"), "content"))
                .hasMessageContaining("content[0]");
        CanonicalJson.requireExactNumbers(mapper.readTree("{\"ok\":[9007199254740992, 0.1, 2.50, 1E-7]}"), "content");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
