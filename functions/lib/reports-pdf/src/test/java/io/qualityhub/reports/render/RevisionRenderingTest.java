package io.qualityhub.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.Revision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A period whose figures changed after its report was issued is marked revised in every format. */
class RevisionRenderingTest {

    private static final Revision OCTOBER = new Revision(ReportPeriod.month(YearMonth.of(2026, 10)),
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T09:30:00Z"));

    @Test
    void theJsonNamesEachRevisedPeriodWithTheReportItRevisesAndWhenItsFiguresChanged() throws Exception {
        JsonNode revised = new ObjectMapper().readTree(new JsonReportRenderer().render(revised(List.of(OCTOBER))))
                .get("revised");
        assertEquals(1, revised.size());
        assertEquals("2026-10", revised.get(0).get("period").asText());
        assertEquals("2026-11-01T00:00:00Z", revised.get(0).get("reportedAt").asText());
        assertEquals("2026-11-03T09:30:00Z", revised.get(0).get("changedAt").asText());
        assertEquals(0, new ObjectMapper().readTree(new JsonReportRenderer().render(revised(List.of()))).get("revised")
                .size(), "a report that revises nothing says so with an empty list");
    }

    @Test
    void theCsvAddsOneRowPerRevisedPeriodUnderTheReservedIdAndThePdfALineOnTheCover() throws Exception {
        String csv = new String(new CsvReportRenderer().render(revised(List.of(OCTOBER))), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n2026-10,company,report.revised,\"Revised: the figures of 2026-10 changed on "
                + "2026-11-03 09:30 UTC, after the report of 2026-11-01 00:00 UTC for that period.\",\"修訂:2026-10 的數據於 "
                + "2026-11-03 09:30 UTC 變動,晚於該期間 2026-11-01 00:00 UTC 產製的報告。\",,,,revised,,,,,,,,全公司,Company-wide\r\n"), csv);
        assertFalse(new String(new CsvReportRenderer().render(revised(List.of())), StandardCharsets.UTF_8)
                .contains("report.revised"));

        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(revised(List.of(OCTOBER))))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Revised: the figures of 2026-10 changed on 2026-11-03 09:30 UTC, after the report"
                    + " of 2026-11-01 00:00 UTC for that period."), text);
        }
    }

    @Test
    void aRevisionIsAChangeAfterTheReport() {
        assertThrows(IllegalArgumentException.class, () -> new Revision(OCTOBER.period(), OCTOBER.changedAt(),
                OCTOBER.reportedAt()));
    }

    private static QualityReport revised(List<Revision> revisions) {
        QualityReport r = JsonReportRendererTest.report(ReportScope.company(), null);
        return new QualityReport(r.period(), r.previousPeriod(), r.scope(), r.asOf(), r.generatedAt(), r.indicators(),
                r.branchIndicators(), r.trends(), r.comparison(), r.findings(), r.special(), r.branchNames(),
                r.samples(), r.branchNamesEn(), revisions);
    }
}
