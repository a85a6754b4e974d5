package io.firebreak.metrics.api;

import static io.firebreak.metrics.api.MetricsFixtures.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.metrics.api.MetricsFixtures.Incident;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The monthly executive report over real projections (a month of 2017 no other test touches). */
@QuarkusTest
class MonthlyReportTest {

    private final io.firebreak.metrics.domain.facts.MonthlyReportMail mail;
    private final io.firebreak.platform.deadline.DeadlineFiring deadlines;
    private final io.firebreak.platform.deadline.Deadlines scheduled;

    MonthlyReportTest(io.firebreak.metrics.domain.facts.MonthlyReportMail mail, io.firebreak.platform.deadline.DeadlineFiring deadlines,
                      io.firebreak.platform.deadline.Deadlines scheduled) {
        this.mail = mail;
        this.deadlines = deadlines;
        this.scheduled = scheduled;
    }

    @Test
    void onTheFirstOfTheMonthTheReportIsMailedToTheExecutiveGroupWithItsPdfAndTheNextMonthIsScheduled() throws Throwable {
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(mail::ensureScheduled);
        Instant due = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> scheduled.pendingDueAt(io.firebreak.metrics.domain.facts.MonthlyReportMail.KIND, "monthly")));
        org.assertj.core.api.Assertions.assertThat(due.atZone(java.time.ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(due.atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(7);
        String month = java.time.YearMonth.from(due.atZone(java.time.ZoneOffset.UTC)).minusMonths(1).toString();

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> deadlines.fireDue(due.plusSeconds(1)));
        for (String to : new String[] {"execs@test.invalid", "cfo@test.invalid"}) {
            await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                    io.firebreak.testing.TestSmtp.messagesTo(to)).extracting(m -> m.getSubject()).contains("[Firebreak] Incidents in " + month));
            jakarta.mail.internet.MimeMessage message = io.firebreak.testing.TestSmtp.messagesTo(to).stream()
                    .filter(m -> { try { return m.getSubject().endsWith(month); } catch (jakarta.mail.MessagingException e) { return false; } })
                    .findFirst().orElseThrow();
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                names.add(parts.getBodyPart(i).getFileName());
            }
            org.assertj.core.api.Assertions.assertThat(names).contains("firebreak-incidents-" + month + ".pdf");
        }
        Instant next = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> scheduled.pendingDueAt(io.firebreak.metrics.domain.facts.MonthlyReportMail.KIND, "monthly")));
        org.assertj.core.api.Assertions.assertThat(next).isEqualTo(java.time.YearMonth.from(due.atZone(java.time.ZoneOffset.UTC)).plusMonths(1)
                .atDay(1).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void theMonthsReportCountsVolumeMeasuresAgainstTheCatalogsSlaAndPlacesTheMedianInItsBenchmarkBand() throws Exception {
        String service = "report-" + UUID.randomUUID().toString().substring(0, 8);
        MetricsFixtures.send("classification", service, "io.firebreak.service.updated.v1", "{\"name\":\"" + service + "\",\"tier\":1,"
                + "\"owningTeam\":\"payments\",\"owners\":[\"sam\"],\"customerFacing\":true,\"regulated\":false,\"change\":\"sla signed off\","
                + "\"changedBy\":\"sam\",\"changedAt\":\"" + Instant.now() + "\",\"dependsOn\":[],"
                + "\"sla\":{\"P1\":{\"acknowledgeMinutes\":5,\"resolveMinutes\":60}}}");
        Instant declared = Instant.parse("2017-03-10T10:00:00Z");
        Incident fast = MetricsFixtures.incident(service, declared);
        Incident slow = MetricsFixtures.incident(service, declared.plusSeconds(86_400));
        for (Incident i : new Incident[] {fast, slow}) {
            MetricsFixtures.declared(i, "P1", false);
        }
        MetricsFixtures.acknowledged(fast, declared.plusSeconds(120));
        MetricsFixtures.lifecycle(fast, "RESOLVED", "dora", declared.plusSeconds(120), null, declared.plusSeconds(1680), false);
        MetricsFixtures.acknowledged(slow, slow.declared().plusSeconds(900));
        MetricsFixtures.lifecycle(slow, "RESOLVED", "dora", slow.declared().plusSeconds(900), null, slow.declared().plusSeconds(5280), false);
        Incident drill = MetricsFixtures.incident(service, declared.plusSeconds(3600));
        MetricsFixtures.declared(drill, "P1", true);

        await().atMost(MetricsFixtures.WAIT).untilAsserted(() -> get("ed", "executive", "/api/v1/metrics/reports/monthly?month=2017-03")
                .statusCode(200)
                .body("months[5].month", equalTo("2017-03")).body("months[5].incidents", equalTo(2)).body("months[5].byPriority.P1", equalTo(2))
                .body("mttr.count", equalTo(2)).body("mttr.p50Seconds", equalTo(1800))
                .body("sla[0].measured", equalTo(2)).body("sla[0].acknowledgedInTime", equalTo(1)).body("sla[0].resolvedInTime", equalTo(1))
                .body("topServices[0].name", equalTo(service)).body("topTeams[0].name", equalTo("payments"))
                .body("benchmark.band", equalTo("Elite")).body("benchmark.source", org.hamcrest.Matchers.containsString("DORA")));
        get("aude", "auditor", "/api/v1/metrics/reports/monthly?month=2017-03").statusCode(200).body("benchmarksVersion",
                org.hamcrest.Matchers.startsWith("1"));
        // The same report as a page with SVG charts, and as a PDF with the figures in its text.
        String page = io.restassured.RestAssured.given().auth().oauth2(io.firebreak.testing.Tokens.as("ed", "executive")).accept("text/html")
                .get("/api/v1/metrics/reports/monthly?month=2017-03").then().statusCode(200).contentType("text/html").extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("<h1>Incidents in 2017-03</h1>").contains("<svg")
                .contains("Incidents per month by priority").contains(service).contains("Elite").contains("DORA");
        org.assertj.core.api.Assertions.assertThat(page.split("<svg", -1)).hasSize(4);
        byte[] pdf = io.restassured.RestAssured.given().auth().oauth2(io.firebreak.testing.Tokens.as("ed", "executive")).accept("application/pdf")
                .get("/api/v1/metrics/reports/monthly?month=2017-03").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            org.assertj.core.api.Assertions.assertThat(text).contains("Incidents in 2017-03").contains("2 incidents");
        }
        get("ed", "executive", "/api/v1/metrics/reports/monthly?month=March").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("month"));
    }
}
