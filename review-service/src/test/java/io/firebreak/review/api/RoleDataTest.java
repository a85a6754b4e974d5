package io.firebreak.review.api;

import static io.firebreak.review.api.ReviewFixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.review.api.ReviewFixtures.Declared;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Role data per incident and the recurring bottlenecks across a quarter, from response's events. */
@QuarkusTest
class RoleDataTest {

    @Test
    void whoHeldEachRoleWhenTheHandoversAndBridgeDecisionsAreShownWithTheirLatencies() {
        Instant declared = Instant.parse("2025-04-10T10:00:00Z");
        Declared i = ReviewFixtures.declared("P1", false, declared);
        UUID first = ReviewFixtures.role(i, "COMMS_LEAD", "cleo", declared.plusSeconds(60), declared.plusSeconds(60 + 1200));
        ReviewFixtures.send("response", i.id(), "io.firebreak.role.released.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"assignmentId\":\"" + first + "\",\"role\":\"COMMS_LEAD\",\"person\":\"cleo\",\"heldFrom\":\"" + declared.plusSeconds(1260)
                + "\",\"releasedAt\":\"" + declared.plusSeconds(3600) + "\",\"releasedBy\":\"cleo\",\"reason\":\"handed over\",\"drill\":false}");
        ReviewFixtures.send("response", i.id(), "io.firebreak.role.handed_over.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\"" + i.key()
                + "\",\"handoverId\":\"" + UUID.randomUUID() + "\",\"role\":\"COMMS_LEAD\",\"fromPerson\":\"cleo\",\"toPerson\":\"dora\","
                + "\"fromAssignmentId\":\"" + first + "\",\"toAssignmentId\":\"" + UUID.randomUUID() + "\",\"briefVersion\":3,\"offeredAt\":\""
                + declared.plusSeconds(3500) + "\",\"acknowledgedAt\":\"" + declared.plusSeconds(3600) + "\",\"drill\":false}");
        ReviewFixtures.send("response", i.id(), "io.firebreak.bridge.update_recorded.v1", "{\"incidentId\":\"" + i.id() + "\",\"incidentKey\":\""
                + i.key() + "\",\"updateId\":\"" + UUID.randomUUID() + "\",\"seq\":1,\"status\":\"Pool exhausted\",\"decisions\":[{\"decision\":"
                + "\"Roll back to 1.4.2\",\"owner\":\"tara\"}],\"nextCheckpointAt\":\"" + declared.plusSeconds(2400) + "\",\"recordedBy\":\"ivan\","
                + "\"recordedAt\":\"" + declared.plusSeconds(900) + "\",\"late\":false,\"drill\":false}");

        String path = "/api/v1/review/incidents/" + i.id() + "/role-data";
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("vera", "viewer", "GET", path, null).statusCode(200)
                .body("tenures", hasSize(1)).body("handovers", hasSize(1)).body("decisions", hasSize(1))
                .body("tenures[0].until", equalTo(declared.plusSeconds(3600).toString())));
        as("vera", "viewer", "GET", path, null).statusCode(200)
                .body("tenures[0].pageToAcceptanceSeconds", equalTo(1200))
                .body("handovers[0].briefVersion", equalTo(3)).body("handovers[0].secondsToAcknowledge", equalTo(100))
                .body("decisions[0].decision", equalTo("Roll back to 1.4.2")).body("decisions[0].sinceDeclarationSeconds", equalTo(900));
    }

    @Test
    void aRoleAcceptedLateInEnoughIncidentsOfAQuarterIsARecurringBottleneck() {
        Instant quarter = Instant.parse("2024-08-01T10:00:00Z"); // a quarter no other test uses
        for (int n = 0; n < 5; n++) {
            Declared i = ReviewFixtures.declared("P1", false, quarter.plus(Duration.ofDays(n)));
            Instant paged = quarter.plus(Duration.ofDays(n)).plusSeconds(60);
            ReviewFixtures.role(i, "COMMS_LEAD", "cleo", paged, paged.plus(Duration.ofMinutes(n < 2 ? 20 : 3)));
            ReviewFixtures.role(i, "INCIDENT_COMMANDER", "ivan", paged, paged.plus(Duration.ofMinutes(2)));
        }
        await().atMost(ReviewFixtures.WAIT).untilAsserted(() -> as("ed", "executive", "GET", "/api/v1/review/bottlenecks?quarter=2024-Q3", null)
                .statusCode(200).body("bottlenecks.role", contains("COMMS_LEAD"))
                .body("sentences[0]", equalTo("COMMS_LEAD accepted after > 15 min in 40 % of P1s in 2024-Q3")));
        as("ed", "executive", "GET", "/api/v1/review/bottlenecks?quarter=2024-Q3&minimumShare=0.5", null).statusCode(200)
                .body("bottlenecks", hasSize(0));
        as("ed", "executive", "GET", "/api/v1/review/bottlenecks?quarter=2025-Q9", null).statusCode(400);
    }
}
