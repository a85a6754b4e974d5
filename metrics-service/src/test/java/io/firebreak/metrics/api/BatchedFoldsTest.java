package io.firebreak.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.firebreak.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Metrics consumes each topic a polled batch per transaction, on real Kafka and PostgreSQL: the events of one batch
 * fold into the ledgers one after the other and their rollup changes are written once, while another topic's batch
 * folds the same incidents in the opposite order. Periods in 2010 belong to this test alone.
 */
@QuarkusTest
class BatchedFoldsTest {

    private static final List<String> CONSUMERS = List.of("metrics.classification-events", "metrics.response-events");

    private final MeterRegistry registry;

    @Inject
    BatchedFoldsTest(MeterRegistry registry) {
        this.registry = registry;
    }

    @Test
    void twoTopicsBatchesFoldingTheSameIncidentsInOppositeOrdersAllCountAtTheirFinalPriorityWithoutADeadlock() throws Exception {
        String service = "batched-" + UUID.randomUUID().toString().substring(0, 6);
        int count = 30;
        double deadlocksBefore = deadlocks();
        List<Incident> incidents = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            incidents.add(MetricsFixtures.incident(service, Instant.parse("2010-05-04T10:00:00Z").plusSeconds(n * 60L)));
        }
        Map<String, UUID> incidentOfEvent = new HashMap<>();
        MetricsFixtures.burst(() -> {
            // Classification: each declaration (P2) and its reclassification to P1, incident after incident.
            for (Incident i : incidents) {
                incidentOfEvent.put(MetricsFixtures.declared(i, "P2", false), i.id());
                incidentOfEvent.put(MetricsFixtures.priorityChanged(i, "P2", "P1", i.declared().plusSeconds(30)), i.id());
            }
            // Response: their resolutions, last incident first (the other batch locks them first to last).
            for (int n = count - 1; n >= 0; n--) {
                Incident i = incidents.get(n);
                incidentOfEvent.put(MetricsFixtures.lifecycle(i, "RESOLVED", "dora", i.declared().plusSeconds(100 + n), null,
                        i.declared().plusSeconds(900), false), i.id());
            }
        });

        await().atMost(MetricsFixtures.WAIT).until(() -> processed(incidentOfEvent.keySet()).size() == incidentOfEvent.size());
        Map<String, Object> transactionOf = processed(incidentOfEvent.keySet());
        // Worth something only if batches shared transactions: a declaration with its change, several incidents' resolutions.
        Map<UUID, Set<Object>> classification = new HashMap<>();
        Set<Object> resolutions = new HashSet<>();
        transactionOf.forEach((event, tx) -> {
            if (tx instanceof Classified c) {
                classification.computeIfAbsent(incidentOfEvent.get(event), k -> new HashSet<>()).add(c.at());
            } else {
                resolutions.add(tx);
            }
        });
        assertThat(classification.values().stream().filter(t -> t.size() == 1).count())
                .as("incidents whose declaration and reclassification were folded in one transaction").isPositive();
        assertThat(resolutions.size()).as("transactions of the %d resolutions", count).isLessThan(count);

        JsonPath byPriority = MetricsFixtures.get("ed", "executive", "/api/v1/metrics/summary?from=2010-05-04T00:00:00Z&until=2010-05-05T00:00:00Z"
                + "&groupBy=priority").statusCode(200).extract().jsonPath();
        assertThat(byPriority.getList("groups.key")).as("no incident left counted at P2").containsExactly("P1");
        assertThat(byPriority.getInt("groups[0].incidents")).isEqualTo(count);
        assertThat(byPriority.getInt("counted")).isEqualTo(count);
        assertThat(byPriority.getDouble("groups[0].mttr.meanSeconds")).isEqualTo(1020.0);
        assertThat(deadlocks() - deadlocksBefore).as("folds PostgreSQL aborted to break a deadlock").isZero();
    }

    /** A classification event's transaction, told apart from response's. */
    private record Classified(Object at) {
    }

    /** Each processed event's transaction (its inbox row's processed_at: the transaction's start). */
    private static Map<String, Object> processed(Set<String> events) throws Exception {
        Map<String, Object> out = new HashMap<>();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("select event_id::text, consumer, processed_at"
                + " from metrics.inbox_event where consumer = any(?) and event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", CONSUMERS.toArray()));
            s.setArray(2, c.createArrayOf("uuid", events.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object at = r.getObject(3);
                    out.put(r.getString(1), r.getString(2).equals(CONSUMERS.get(0)) ? new Classified(at) : at);
                }
            }
        }
        return out;
    }

    private double deadlocks() {
        return CONSUMERS.stream().mapToDouble(consumer -> {
            Counter c = registry.find("firebreak.inbox.effect.failures").tag("consumer", consumer).tag("sqlstate", "40P01").counter();
            return c == null ? 0 : c.count();
        }).sum();
    }
}
