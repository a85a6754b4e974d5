package io.firebreak.metrics.domain.render;

import io.firebreak.metrics.domain.MonthlyReports;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, built with JFreeChart once and drawn twice: to SVG (JFreeSVG) for the HTML page and as vectors
 * into the PDF (OpenPDF's Graphics2D). No hand-drawn shapes.
 */
public final class ReportCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color[] PRIORITY_COLOURS = {new Color(0xB3261E), new Color(0xE8710A), new Color(0xF9AB00), new Color(0x5F6368)};
    public static final int WIDTH = 640;
    public static final int HEIGHT = 300;

    private ReportCharts() {
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDADCE0));
        plot.setOutlineVisible(false);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
        }
        return chart;
    }

    /** Incidents per month, stacked by priority. */
    public static JFreeChart volume(MonthlyReports.Report r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthlyReports.MonthVolume m : r.months()) {
            for (String p : MonthlyReports.PRIORITIES) {
                data.addValue(m.byPriority().getOrDefault(p, 0L), p, m.month());
            }
        }
        JFreeChart chart = styled(ChartFactory.createStackedBarChart("Incidents per month by priority", null, "incidents", data,
                PlotOrientation.VERTICAL, true, false, false));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        for (int i = 0; i < PRIORITY_COLOURS.length; i++) {
            renderer.setSeriesPaint(i, PRIORITY_COLOURS[i]);
        }
        return chart;
    }

    /** Share of incidents within their SLA, per priority. */
    public static JFreeChart sla(MonthlyReports.Report r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthlyReports.SlaCompliance s : r.sla()) {
            if (s.measured() > 0) {
                data.addValue(s.acknowledgeRate() * 100, "acknowledged in time", s.priority());
                data.addValue(s.resolveRate() * 100, "resolved in time", s.priority());
            }
        }
        JFreeChart chart = styled(ChartFactory.createBarChart("Within SLA (%)", null, "% of incidents", data, PlotOrientation.VERTICAL, true,
                false, false));
        chart.getCategoryPlot().getRangeAxis().setRange(0, 100);
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x1A73E8));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new Color(0x188038));
        return chart;
    }

    /** Median and p90 MTTR per priority, in minutes. */
    public static JFreeChart mttr(MonthlyReports.Report r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        r.mttrByPriority().forEach((p, s) -> {
            if (s.count() > 0) {
                data.addValue(s.p50Seconds() / 60.0, "p50", p);
                data.addValue(s.p90Seconds() / 60.0, "p90", p);
            }
        });
        JFreeChart chart = styled(ChartFactory.createBarChart("MTTR by priority (minutes)", null, "minutes", data, PlotOrientation.VERTICAL,
                true, false, false));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x1A73E8));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new Color(0x8AB4F8));
        return chart;
    }

    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    public static void draw(JFreeChart chart, Graphics2D g, float width, float height) {
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    }
}
