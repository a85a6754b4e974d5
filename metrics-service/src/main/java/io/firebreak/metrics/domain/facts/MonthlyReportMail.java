package io.firebreak.metrics.domain.facts;

import io.firebreak.metrics.config.MetricsConfig;
import io.firebreak.metrics.domain.MonthlyReports;
import io.firebreak.metrics.domain.render.ReportHtml;
import io.firebreak.metrics.domain.render.ReportPdf;
import io.firebreak.platform.deadline.Deadline;
import io.firebreak.platform.deadline.DeadlineHandler;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.OutboundMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Mails the monthly executive report to the executive stakeholder group on the 1st of each month at 07:00 UTC: the
 * HTML page as the body, the PDF attached, through the platform's outbound delivery (the real SMTP server, retried
 * until it accepts). A durable deadline, so exactly one replica sends each month's report; each firing schedules the
 * next, and an hourly check makes sure one is pending.
 */
@ApplicationScoped
public class MonthlyReportMail implements DeadlineHandler {

    public static final String KIND = "metrics.monthly-report";
    static final String SUBJECT = "monthly";
    private static final Logger LOG = Logger.getLogger(MonthlyReportMail.class);

    private final Reports reports;
    private final Deadlines deadlines;
    private final OutboundDeliveries deliveries;
    private final MetricsConfig config;
    private final Vertx vertx;
    private final Clock clock;

    public MonthlyReportMail(Reports reports, Deadlines deadlines, OutboundDeliveries deliveries, MetricsConfig config, Vertx vertx, Clock clock) {
        this.reports = reports;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** The 1st of the month after {@code at}'s, at 07:00 UTC. */
    static Instant nextSending(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atTime(7, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Makes sure the next sending is pending (it is moved nowhere if it is). */
    @Scheduled(every = "1h", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> ensureScheduled() {
        return Panache.withTransaction(() -> deadlines.pendingDueAt(KIND, SUBJECT).chain(due -> due != null ? Uni.createFrom().voidItem()
                : deadlines.schedule(KIND, SUBJECT, nextSending(clock.instant()), null)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Scheduling the monthly report failed, the next check retries: %s", e.getMessage());
                    return null;
                });
    }

    /** The report of the month before the due date, to every recipient; then the next month's sending. */
    @Override
    public Uni<Void> fire(Deadline deadline) {
        YearMonth month = YearMonth.from(deadline.dueAt().atZone(ZoneOffset.UTC)).minusMonths(1);
        List<String> recipients = config.reportRecipients().orElse(List.of());
        Uni<Void> next = deadlines.schedule(KIND, SUBJECT, nextSending(deadline.dueAt()), null);
        if (recipients.isEmpty()) {
            LOG.infof("No report recipients configured (firebreak.metrics.report-recipients): the %s report is not mailed", month);
            return next;
        }
        return reports.monthly(month)
                // Charts and PDF are CPU work: drawn on a worker, the transaction goes on on its own context.
                .chain(report -> vertx.executeBlocking(Uni.createFrom().item(() -> new Rendered(report, ReportHtml.render(report),
                        ReportPdf.render(report)))))
                .chain(r -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (String to : recipients) {
                        OutboundMessage mail = OutboundMessage.mail(to, "[Firebreak] Incidents in " + month, text(r.report()), r.html(),
                                List.of(OutboundMessage.Attachment.of("firebreak-incidents-" + month + ".pdf", "application/pdf", r.pdf())));
                        all = all.chain(() -> deliveries.enqueue("metrics.report", "monthly/" + month + "/" + to, null, mail, null).replaceWithVoid());
                    }
                    return all;
                })
                .chain(() -> next);
    }

    private record Rendered(MonthlyReports.Report report, String html, byte[] pdf) {
    }

    private static String text(MonthlyReports.Report r) {
        MonthlyReports.MonthVolume m = r.months().get(r.months().size() - 1);
        return "Incidents in " + r.month() + ": " + m.incidents() + " (" + m.counted() + " counted). The report is in this mail and attached as PDF.";
    }
}
