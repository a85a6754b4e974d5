package io.firebreak.response.api.warroom;

import static io.firebreak.response.api.warroom.WarRoomFixtures.OUTSIDER_ROLES;
import static io.firebreak.response.api.warroom.WarRoomFixtures.admit;
import static io.firebreak.response.api.warroom.WarRoomFixtures.events;
import static io.firebreak.response.api.warroom.WarRoomFixtures.incidentCommandedBy;
import static io.firebreak.response.api.warroom.WarRoomFixtures.record;
import static io.firebreak.response.api.warroom.WarRoomFixtures.remove;
import static io.firebreak.response.api.warroom.WarRoomFixtures.restrict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.platform.access.IncidentScoped;
import io.firebreak.response.api.paging.PagingFixtures;
import io.firebreak.testing.EndpointSecurity;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Restricted incidents on real PostgreSQL and Kafka: only the war room, auditors and admins find them, through any endpoint. */
@QuarkusTest
class RestrictedIncidentTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    /** One incident-scoped endpoint: the HTTP method, its path template, the incident's parameter, who may call it. */
    record Scoped(String httpMethod, String template, String incidentParameter, Set<String> roles) {

        String path(UUID incident) {
            Matcher m = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, m.group(1).equals(incidentParameter) ? incident.toString() : UUID.randomUUID().toString());
            }
            return m.appendTail(path).toString();
        }

        boolean outsidersMayCall() {
            return Arrays.stream(OUTSIDER_ROLES).anyMatch(roles::contains);
        }
    }

    /** Every endpoint of the service marked as being about one incident, found by reflection, so a new one is covered too. */
    private static List<Scoped> scopedEndpoints() {
        List<Scoped> found = new ArrayList<>();
        for (EndpointSecurity.Endpoint e : EndpointSecurity.scan("io.firebreak.response").endpoints()) {
            Method method = e.method();
            IncidentScoped scoped = method.isAnnotationPresent(IncidentScoped.class) ? method.getAnnotation(IncidentScoped.class)
                    : e.resource().getAnnotation(IncidentScoped.class);
            String classPath = e.resource().getAnnotation(Path.class).value();
            String template = method.isAnnotationPresent(Path.class) ? classPath + "/" + method.getAnnotation(Path.class).value() : classPath;
            template = template.replace("//", "/");
            if (template.matches(".*/incidents/\\{\\w+}.*")) {
                // Every path about one incident must be guarded: a new resource that forgets the annotation fails here.
                assertThat(scoped).as("%s %s is about one incident but not @IncidentScoped", e.resource().getSimpleName(), method.getName())
                        .isNotNull();
            }
            if (scoped == null) {
                continue;
            }
            String http = Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                    .filter(t -> t.isAnnotationPresent(HttpMethod.class)).map(t -> t.getAnnotation(HttpMethod.class).value())
                    .findFirst().orElseThrow();
            RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                    : e.resource().getAnnotation(RolesAllowed.class);
            found.add(new Scoped(http, template, scoped.value(), allowed == null ? Set.of() : Set.of(allowed.value())));
        }
        return found;
    }

    private static Response call(Scoped endpoint, UUID incident, String user, String... roles) {
        return given().auth().oauth2(Tokens.as(user, roles)).contentType(ContentType.JSON).body("{}")
                .request(endpoint.httpMethod(), endpoint.path(incident));
    }

    @Test
    void aRestrictedIncidentIsInvisibleToANonMemberThroughEveryEndpoint() {
        String ic = PagingFixtures.unique("ic");
        UUID incident = incidentCommandedBy(ic);
        restrict(ic, "incident-commander", incident, true).statusCode(200).body("changed", equalTo(true));

        List<Scoped> endpoints = scopedEndpoints();
        assertThat(endpoints).extracting(Scoped::template)
                .contains("/api/v1/response/incidents/{incidentId}", "/api/v1/response/incidents/{id}/feed",
                        "/api/v1/response/incidents/{id}/triage", "/api/v1/response/incidents/{id}/war-room");
        UUID unknown = UUID.randomUUID();
        for (Scoped endpoint : endpoints) {
            Response hidden = call(endpoint, incident, "olga", OUTSIDER_ROLES);
            if (!endpoint.outsidersMayCall()) {
                assertThat(hidden.statusCode()).as("%s %s", endpoint.httpMethod(), endpoint.template()).isEqualTo(403);
                continue;
            }
            // Exactly what a caller gets for an incident that does not exist: nothing tells the two apart.
            Response absent = call(endpoint, unknown, "olga", OUTSIDER_ROLES);
            assertThat(hidden.statusCode()).as("%s %s", endpoint.httpMethod(), endpoint.template()).isEqualTo(404);
            assertThat(hidden.contentType()).startsWith("application/problem+json");
            assertThat(hidden.jsonPath().getString("detail").replace(incident.toString(), "ID"))
                    .isEqualTo(absent.jsonPath().getString("detail").replace(unknown.toString(), "ID"));
            assertThat(absent.statusCode()).isEqualTo(404);
        }

        // The list leaves it out for her, not for its war room or an auditor; it is the newest, so on the first page.
        assertThat(firstPage("olga", OUTSIDER_ROLES)).doesNotContain(incident.toString());
        assertThat(firstPage(ic, "incident-commander")).contains(incident.toString());
        assertThat(firstPage("aude", "auditor")).contains(incident.toString());
        record(incident, ic, "incident-commander").statusCode(200);
        record(incident, "aude", "auditor").statusCode(200);
        record(incident, "ada", "admin").statusCode(200);
        given().auth().oauth2(Tokens.as("olga", OUTSIDER_ROLES)).get("/api/v1/response/incidents/" + incident + "/digest")
                .then().statusCode(404);
    }

    @Test
    void theCommanderAddsAndRemovesMembersAndEveryEventOfTheRestrictedIncidentIsFlagged() {
        String ic = PagingFixtures.unique("ic");
        String olga = PagingFixtures.unique("olga");
        UUID incident = incidentCommandedBy(ic);
        restrict(ic, "incident-commander", incident, true).statusCode(200);
        restrict(ic, "incident-commander", incident, true).statusCode(200).body("changed", equalTo(false));
        record(incident, olga, OUTSIDER_ROLES).statusCode(404);

        // Another incident commander is not this incident's: she cannot let herself in.
        admit(olga, "incident-commander", incident, olga, "OBSERVER").statusCode(404);
        admit(ic, "incident-commander", incident, olga, "OBSERVER").statusCode(200).body("kind", equalTo("OBSERVER"));
        record(incident, olga, "viewer").statusCode(200);
        admit(olga, "incident-commander", incident, "pat", "RESPONDER").statusCode(403);
        admit(ic, "incident-commander", incident, "pat", "ROLE").statusCode(400).contentType("application/problem+json");

        remove(ic, "incident-commander", incident, ic).statusCode(409);
        remove(ic, "incident-commander", incident, olga).statusCode(204);
        remove(ic, "incident-commander", incident, olga).statusCode(404);
        record(incident, olga, "viewer").statusCode(404);

        restrict(ic, "incident-commander", incident, false).statusCode(200).body("changed", equalTo(true));
        record(incident, olga, "viewer").statusCode(200);

        List<ConsumerRecord<String, byte[]>> events = events(incident, "io.firebreak.warroom.restriction_lifted.v1", 1);
        List<String> types = events.stream().map(r -> TestKafkaClient.header(r, "ce_type")).toList();
        assertThat(types).containsSubsequence("io.firebreak.warroom.member_added.v1", "io.firebreak.warroom.restricted.v1",
                "io.firebreak.warroom.member_added.v1", "io.firebreak.warroom.member_removed.v1",
                "io.firebreak.warroom.restriction_lifted.v1");
        int restrictedAt = types.indexOf("io.firebreak.warroom.restricted.v1");
        int liftedAt = types.indexOf("io.firebreak.warroom.restriction_lifted.v1");
        for (int i = 0; i < events.size(); i++) {
            String flag = TestKafkaClient.header(events.get(i), "ce_restricted");
            assertThat(flag).as("ce_restricted of %s", types.get(i)).isEqualTo(i >= restrictedAt && i < liftedAt ? "true" : null);
        }
        String restricted = new String(events.get(restrictedAt).value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(io.restassured.path.json.JsonPath.from(restricted).getList("members")).containsExactly(ic);
    }

    @Test
    void theIncidentListPagesNewestFirstWithACursorAndRefusesBadParameters() {
        UUID older = incidentCommandedBy(PagingFixtures.unique("ic"));
        UUID newer = incidentCommandedBy(PagingFixtures.unique("ic"));
        io.restassured.path.json.JsonPath first = given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("limit", 1)
                .get("/api/v1/response/incidents").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.incidentId")).containsExactly(newer.toString());
        given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("limit", 1).queryParam("after", first.getString("next"))
                .get("/api/v1/response/incidents").then().statusCode(200).body("items.incidentId", org.hamcrest.Matchers.contains(older.toString()));
        given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam("status", "DECLARED").queryParam("limit", 200)
                .get("/api/v1/response/incidents").then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DECLARED")));
        for (String[] bad : new String[][] {{"after", "not-a-cursor"}, {"status", "ON_FIRE"}, {"limit", "0"}, {"limit", "201"}}) {
            given().auth().oauth2(Tokens.as("aude", "auditor")).queryParam(bad[0], bad[1]).get("/api/v1/response/incidents").then()
                    .statusCode(400).contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItem(bad[0]));
        }
    }

    private static List<String> firstPage(String user, String... roles) {
        return given().auth().oauth2(Tokens.as(user, roles)).queryParam("limit", 200).get("/api/v1/response/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items.incidentId");
    }
}
