package io.firebreak.metrics.domain.render;

import io.firebreak.metrics.domain.MonthlyReports;
import io.firebreak.metrics.domain.Stats;

/** The monthly report as one HTML page an executive reads in a browser or a mail client: figures, charts (inline SVG), tables. */
public final class ReportHtml {

    private ReportHtml() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A duration for people: "42 min", "3.5 h", "2.1 days". */
    static String human(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        if (seconds < 86_400) {
            return Math.round(seconds / 360.0) / 10.0 + " h";
        }
        return Math.round(seconds / 8640.0) / 10.0 + " days";
    }

    private static String tile(String label, String value, String note) {
        return "<div class=\"tile\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">" + esc(value) + "</div><div class=\"note\">"
                + esc(note) + "</div></div>";
    }

    private static String stat(String name, Stats s) {
        return tile(name + " (median)", human(s.p50Seconds()), s.count() == 0 ? "no incident measured" : "p90 " + human(s.p90Seconds()) + " · " + s.count()
                + " incident(s)");
    }

    public static String render(MonthlyReports.Report r) {
        MonthlyReports.MonthVolume current = r.months().get(r.months().size() - 1);
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Firebreak — incidents in ").append(esc(r.month()))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#202124;max-width:70rem}h1{font-size:1.6rem}"
                        + ".tiles{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.tile{border:1px solid #dadce0;border-radius:8px;padding:.8rem 1rem;"
                        + "min-width:11rem}.label{font-size:.8rem;color:#5f6368}.value{font-size:1.6rem;font-weight:600}.note{font-size:.8rem;color:#5f6368}"
                        + "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #dadce0;padding:.3rem .8rem;text-align:left}"
                        + ".charts svg{max-width:100%;height:auto}.source{font-size:.8rem;color:#5f6368}</style></head><body>");
        b.append("<h1>Incidents in ").append(esc(r.month())).append("</h1>");
        b.append("<div class=\"tiles\">");
        b.append(tile("Incidents", Long.toString(current.incidents()), r.changeFromPreviousMonth() == null ? "no previous month"
                : (r.changeFromPreviousMonth() >= 0 ? "+" : "") + r.changeFromPreviousMonth() + " % on last month · 3-month average "
                + r.movingAverage3()));
        b.append(tile("P1 / P2", current.byPriority().getOrDefault("P1", 0L) + " / " + current.byPriority().getOrDefault("P2", 0L), "by priority"));
        b.append(stat("MTTA", r.mtta())).append(stat("MTTR", r.mttr())).append(stat("MTTE", r.mtte()));
        b.append(tile("Counted", current.counted() + " of " + current.incidents(), current.excluded() + " excluded by data validation"));
        b.append("</div><div class=\"charts\">");
        b.append(ReportCharts.svg(ReportCharts.volume(r))).append(ReportCharts.svg(ReportCharts.sla(r))).append(ReportCharts.svg(ReportCharts.mttr(r)));
        b.append("</div>");
        b.append("<h2>Within SLA</h2><table><tr><th>Priority</th><th>Measured</th><th>Acknowledged in time</th><th>Resolved in time</th></tr>");
        for (MonthlyReports.SlaCompliance s : r.sla()) {
            b.append("<tr><td>").append(s.priority()).append("</td><td>").append(s.measured()).append("</td><td>")
                    .append(s.acknowledgeRate() == null ? "–" : Math.round(s.acknowledgeRate() * 100) + " %").append("</td><td>")
                    .append(s.resolveRate() == null ? "–" : Math.round(s.resolveRate() * 100) + " %").append("</td></tr>");
        }
        b.append("</table>");
        ranked(b, "Top services", r.topServices());
        ranked(b, "Top teams", r.topTeams());
        if (r.benchmark() != null) {
            b.append("<h2>Against the industry</h2><p>Median time to resolve ").append(esc(human(r.benchmark().mttrP50Seconds())))
                    .append(": <strong>").append(esc(r.benchmark().band())).append("</strong> — ").append(esc(r.benchmark().label())).append(".</p>")
                    .append("<p class=\"source\">Source: ").append(esc(r.benchmark().source())).append(", ").append(esc(r.benchmark().sourceDate()))
                    .append(". ").append(esc(r.benchmark().caveat())).append(" Reference set ").append(esc(r.benchmarksVersion())).append(".</p>");
        }
        b.append("<p class=\"source\">Validated data only: incidents with a data-quality finding are excluded and listed at"
                + " /api/v1/metrics/data-quality/findings. Drills are never counted. Definitions: docs/metrics.md.</p></body></html>");
        return b.toString();
    }

    private static void ranked(StringBuilder b, String title, java.util.List<MonthlyReports.Ranked> list) {
        b.append("<h2>").append(esc(title)).append("</h2><table><tr><th>Name</th><th>Incidents</th><th>Median MTTR</th></tr>");
        for (MonthlyReports.Ranked r : list) {
            b.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(r.incidents()).append("</td><td>").append(esc(human(r.mttrP50Seconds())))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }
}
