package io.firebreak.response.api.oncall;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** iCalendar feeds: valid RFC 5545 (read back with ical4j), the person's own shifts, tokens that revoke. */
@QuarkusTest
class CalendarFeedTest {

    private static String person(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String team(String... members) {
        String id = "cal-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id, "manager", "mona", "members", List.of(members)))
                .post("/api/v1/response/teams").then().statusCode(201);
        return id;
    }

    /** Two people taking daily turns from yesterday 00:00 UTC. */
    private static String schedule(String team, String first, String second) {
        String start = LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)), ZoneOffset.UTC).toString();
        return given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "daily", "role", "TEAM_ON_CALL", "timeZone", "UTC", "succession", List.of(),
                        "layers", List.of(Map.of("name", "all", "start", start, "length", Map.of("unit", "DAYS", "amount", 1),
                                "participants", List.of(first, second)))))
                .post("/api/v1/response/teams/" + team + "/schedules").then().statusCode(201).extract().path("id");
    }

    private static String token(String user) {
        return given().auth().oauth2(Tokens.as(user, "responder")).post("/api/v1/response/me/calendar-token")
                .then().statusCode(200).extract().path("token");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String summary(VEvent e) {
        return e.<net.fortuna.ical4j.model.Property>getProperty("SUMMARY").orElseThrow().getValue();
    }

    private static Instant start(VEvent e) {
        return Instant.from(e.getStartDate().orElseThrow().getDate());
    }

    private static Instant end(VEvent e) {
        return Instant.from(e.getEndDate().orElseThrow().getDate());
    }

    @Test
    void aPersonsFeedListsOnlyTheirShiftsAsAValidCalendar() throws Exception {
        String ana = person("ana");
        String ben = person("ben");
        String team = team(ana, ben);
        schedule(team, ana, ben);
        String token = token(ana);

        String ics = given().queryParam("token", token).get("/api/v1/response/calendars/people/" + ana + ".ics")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = parse(ics);
        List<VEvent> events = calendar.getComponents("VEVENT");
        // Past week and next 60 days, every other day (two people, daily turns): about 34 shifts of one day each.
        assertThat(events).hasSizeBetween(30, 36);
        for (VEvent e : events) {
            assertThat(summary(e)).startsWith("On call: daily (" + team);
            assertThat(e.getProperty("UID")).isPresent();
            assertThat(Duration.between(start(e), end(e))).isLessThanOrEqualTo(Duration.ofDays(1));
        }
        assertThat(ics).contains("VERSION:2.0").contains("PRODID:-//Firebreak//On-call");
        assertThat(ics).doesNotContain(ben);
    }

    @Test
    void aScheduleFeedShowsWhoIsOnCallAndAnOverrideCoverersShiftAppearsInTheirOwnFeed() throws Exception {
        String ana = person("ana");
        String ben = person("ben");
        String cem = person("cem");
        String team = team(ana, ben, cem);
        String schedule = schedule(team, ana, ben);
        Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
        given().auth().oauth2(Tokens.as("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("person", cem, "start", from.toString(), "end", from.plus(Duration.ofHours(6)).toString()))
                .post("/api/v1/response/schedules/" + schedule + "/overrides").then().statusCode(201);

        String ics = given().queryParam("token", token(ana)).get("/api/v1/response/calendars/schedules/" + schedule + ".ics")
                .then().statusCode(200).extract().asString();
        List<VEvent> events = parse(ics).getComponents("VEVENT");
        assertThat(events).extracting(e -> summary(e).split(" ")[0]).contains(ana, ben, cem);

        List<VEvent> mine = parse(given().queryParam("token", token(cem)).get("/api/v1/response/calendars/people/" + cem + ".ics")
                .then().statusCode(200).extract().asString()).getComponents("VEVENT");
        assertThat(mine).hasSize(1);
        assertThat(start(mine.get(0))).isEqualTo(from);
    }

    @Test
    void aNewTokenRevokesTheOldOneAndNobodyReadsAnotherPersonsFeedWithTheirOwn() {
        String ana = person("ana");
        String old = token(ana);
        String fresh = token(ana);
        assertThat(fresh).isNotEqualTo(old);
        given().queryParam("token", old).get("/api/v1/response/calendars/people/" + ana + ".ics")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("token", fresh).get("/api/v1/response/calendars/people/" + ana + ".ics").then().statusCode(200);

        String ben = person("ben");
        given().queryParam("token", token(ben)).get("/api/v1/response/calendars/people/" + ana + ".ics").then().statusCode(404);
        given().get("/api/v1/response/calendars/people/" + ana + ".ics").then().statusCode(404);

        given().auth().oauth2(Tokens.as(ana, "responder")).delete("/api/v1/response/me/calendar-token").then().statusCode(204);
        given().queryParam("token", fresh).get("/api/v1/response/calendars/people/" + ana + ".ics").then().statusCode(404);
    }
}
