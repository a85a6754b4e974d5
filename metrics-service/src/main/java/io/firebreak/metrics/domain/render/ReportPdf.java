package io.firebreak.metrics.domain.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.firebreak.metrics.domain.MonthlyReports;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import org.jfree.chart.JFreeChart;

/** The monthly report as a PDF attachment (OpenPDF), its charts drawn as vectors by JFreeChart. */
public final class ReportPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);

    private ReportPdf() {
    }

    public static byte[] render(MonthlyReports.Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Firebreak — incidents in " + r.month());
            document.addCreator("Firebreak metrics-service");
            document.open();
            document.add(new Paragraph("Incidents in " + r.month(), TITLE));
            MonthlyReports.MonthVolume current = r.months().get(r.months().size() - 1);
            document.add(new Paragraph(current.incidents() + " incidents (" + current.counted() + " counted, " + current.excluded()
                    + " excluded by data validation)" + (r.changeFromPreviousMonth() == null ? "" : ", " + r.changeFromPreviousMonth()
                    + " % on last month") + "; three-month average " + r.movingAverage3() + ".", TEXT));
            document.add(new Paragraph("Median MTTA " + ReportHtml.human(r.mtta().p50Seconds()) + " · MTTR " + ReportHtml.human(r.mttr().p50Seconds())
                    + " (p90 " + ReportHtml.human(r.mttr().p90Seconds()) + ") · MTTE " + ReportHtml.human(r.mtte().p50Seconds()), TEXT));
            float width = document.getPageSize().getWidth() - 80;
            float height = width * ReportCharts.HEIGHT / ReportCharts.WIDTH;
            for (JFreeChart chart : new JFreeChart[] {ReportCharts.volume(r), ReportCharts.sla(r), ReportCharts.mttr(r)}) {
                PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
                Graphics2D g = template.createGraphics(width, height);
                ReportCharts.draw(chart, g, width, height);
                g.dispose();
                Image image = Image.getInstance(template);
                image.setAlignment(Element.ALIGN_CENTER);
                document.add(image);
            }
            document.add(new Paragraph("Within SLA", HEADING));
            PdfPTable sla = new PdfPTable(new float[] {1, 1, 2, 2});
            sla.setWidthPercentage(100);
            for (String h : new String[] {"Priority", "Measured", "Acknowledged in time", "Resolved in time"}) {
                sla.addCell(new Paragraph(h, TEXT));
            }
            for (MonthlyReports.SlaCompliance s : r.sla()) {
                sla.addCell(new Paragraph(s.priority(), TEXT));
                sla.addCell(new Paragraph(Long.toString(s.measured()), TEXT));
                sla.addCell(new Paragraph(s.acknowledgeRate() == null ? "–" : Math.round(s.acknowledgeRate() * 100) + " %", TEXT));
                sla.addCell(new Paragraph(s.resolveRate() == null ? "–" : Math.round(s.resolveRate() * 100) + " %", TEXT));
            }
            document.add(sla);
            ranked(document, "Top services", r.topServices());
            ranked(document, "Top teams", r.topTeams());
            if (r.benchmark() != null) {
                document.add(new Paragraph("Against the industry", HEADING));
                document.add(new Paragraph("Median time to resolve " + ReportHtml.human(r.benchmark().mttrP50Seconds()) + ": " + r.benchmark().band()
                        + " — " + r.benchmark().label() + ".", TEXT));
                document.add(new Paragraph("Source: " + r.benchmark().source() + ", " + r.benchmark().sourceDate() + ". " + r.benchmark().caveat()
                        + " Reference set " + r.benchmarksVersion() + ".", SMALL));
            }
            document.add(new Paragraph("Validated data only; drills are never counted. Definitions: docs/metrics.md.", SMALL));
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be rendered as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void ranked(Document document, String title, java.util.List<MonthlyReports.Ranked> list) throws DocumentException {
        document.add(new Paragraph(title, HEADING));
        PdfPTable table = new PdfPTable(new float[] {3, 1, 2});
        table.setWidthPercentage(100);
        for (String h : new String[] {"Name", "Incidents", "Median MTTR"}) {
            table.addCell(new Paragraph(h, TEXT));
        }
        for (MonthlyReports.Ranked r : list) {
            table.addCell(new Paragraph(r.name(), TEXT));
            table.addCell(new Paragraph(Long.toString(r.incidents()), TEXT));
            table.addCell(new Paragraph(ReportHtml.human(r.mttrP50Seconds()), TEXT));
        }
        document.add(table);
    }
}
