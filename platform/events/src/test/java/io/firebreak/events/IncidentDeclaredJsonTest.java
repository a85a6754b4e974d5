package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentDeclaredJsonTest {

    // Same settings the services use: ISO-8601 timestamps, unknown properties tolerated (additive evolution).
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final IncidentDeclared event = new IncidentDeclared(
            UUID.fromString("5f0c2a8e-8d7e-4a57-9a53-0c1f7b1f2a11"), "INC-2026-0001", "Checkout down",
            "Payments fail with 503", "checkout", Priority.P1,
            Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:02:30Z"), "alice");

    @Test
    void declaredEventSurvivesJsonRoundTrip() throws Exception {
        String json = mapper.writeValueAsString(event);
        assertThat(mapper.readValue(json, IncidentDeclared.class)).isEqualTo(event);
    }

    @Test
    void declaredEventUsesDocumentedFieldNamesAndIsoTimestamps() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));
        assertThat(json.get("incidentId").asText()).isEqualTo("5f0c2a8e-8d7e-4a57-9a53-0c1f7b1f2a11");
        assertThat(json.get("priority").asText()).isEqualTo("P1");
        assertThat(json.get("detectedAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("incidentId", "key", "title",
                "summary", "businessService", "priority", "detectedAt", "declaredAt", "declaredBy", "responsibleTeams", "drill", "impact",
                "alertGroupId", "alertFingerprint");
    }

    @Test
    void theImpactSummaryTravelsWithTheDeclaration() throws Exception {
        IncidentDeclared withImpact = new IncidentDeclared(event.incidentId(), event.key(), event.title(), event.summary(),
                event.businessService(), event.priority(), event.detectedAt(), event.declaredAt(), event.declaredBy(), java.util.List.of("payments"),
                false, new ImpactSummary(12_000d, 5_000L, true, "SUSPECTED", null, null, "DEGRADED", true));
        String json = mapper.writeValueAsString(withImpact);
        assertThat(mapper.readTree(json).get("impact").get("revenueLossPerHour").asDouble()).isEqualTo(12_000d);
        assertThat(mapper.readValue(json, IncidentDeclared.class)).isEqualTo(withImpact);
    }

    @Test
    void aDeclarationFromAnOlderProducerWithoutTheOptionalFieldsStillReads() throws Exception {
        String older = "{\"incidentId\":\"5f0c2a8e-8d7e-4a57-9a53-0c1f7b1f2a11\",\"key\":\"INC-2026-0001\",\"title\":\"Checkout down\","
                + "\"summary\":\"Payments fail with 503\",\"businessService\":\"checkout\",\"priority\":\"P1\","
                + "\"detectedAt\":\"2026-11-29T10:00:00Z\",\"declaredAt\":\"2026-11-29T10:02:30Z\",\"declaredBy\":\"alice\"}";
        IncidentDeclared read = mapper.readValue(older, IncidentDeclared.class);
        assertThat(read).isEqualTo(event);
        assertThat(read.responsibleTeams()).isNull();
        assertThat(read.drill()).isNull();
    }

    @Test
    void declaredEventFromANewerProducerWithExtraFieldsStillReads() throws Exception {
        String newer = mapper.writeValueAsString(event).replace("{", "{\"addedLater\":42,");
        assertThat(mapper.readValue(newer, IncidentDeclared.class)).isEqualTo(event);
    }

    @Test
    void topicAndDlqNamesFollowTheContract() {
        assertThat(Topics.name(Topics.DEFAULT_NAMESPACE, "classification")).isEqualTo(Topics.CLASSIFICATION);
        assertThat(Topics.dlq(Topics.CLASSIFICATION)).isEqualTo("firebreak.classification.dlq");
        assertThat(Sources.of("classification")).isEqualTo(Sources.CLASSIFICATION);
    }
}
