package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload of the contract survives a JSON round trip unchanged. */
class PayloadsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final UUID ID = UUID.fromString("5f0c2a8e-8d7e-4a57-9a53-0c1f7b1f2a11");
    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    static Stream<Object> payloads() {
        return Stream.of(
                new IncidentDeclared(ID, "INC-2026-0001", "t", "s", "checkout", Priority.P1, T, T, "ines"),
                new PriorityChanged(ID, "INC-2026-0001", "checkout", Priority.P3, Priority.P1, "RECLASSIFIED", "worse", 4, "sam", T),
                new TemporaryP1Designated(ID, "INC-2026-0001", "checkout", Priority.P3, "unclear", "ines", T, T.plusSeconds(1800), null),
                new TemporaryP1Designated(ID, "INC-2026-0001", "checkout", Priority.P3, "unclear", "ines", T, T.plusSeconds(1800),
                        "revenue not measured yet"),
                new TemporaryP1Expired(ID, "INC-2026-0001", "checkout", "payments", List.of("sam", "olga"), T, T.plusSeconds(1800)),
                new ClassificationDisputed(ID, "INC-2026-0001", "checkout", Priority.P3, Priority.P1, "CEO demo", 4, "rita", T),
                new ServiceChanged("checkout", 1, "payments", List.of("sam"), true, false, "oncall", "registered", "sam", T),
                new PolicyActivated(5, 4, List.of("checkout", "search"), T),
                new SignalReceived("checkout", ID.toString(), "pagerduty:prometheus", "trigger", "dedup-1", "errors", "prom-1",
                        "critical", T, "api", "prod", "latency", Map.of("region", "eu-west-1", "p99_ms", 2300), T),
                new ChangeReceived("checkout", ID.toString(), "deploy 42", "ci", T, Map.of("build", "42"),
                        List.of(Map.of("href", "https://example.com", "text", "commit")), T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadSurvivesJsonRoundTrip(Object payload) throws Exception {
        String json = MAPPER.writeValueAsString(payload);
        assertThat(MAPPER.readValue(json, payload.getClass())).isEqualTo(payload);
        assertThat(json).doesNotContain("\"" + T.getEpochSecond());
    }
}
