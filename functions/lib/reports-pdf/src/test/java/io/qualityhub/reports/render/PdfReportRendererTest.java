package io.qualityhub.reports.render;

import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.ReportTopic;
import io.qualityhub.reports.report.SpecialSection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfReportRendererTest {

    private static byte[] companyPdf;
    private static String companyText;

    @BeforeAll
    static void render() throws IOException {
        companyPdf = new PdfReportRenderer().render(JsonReportRendererTest.report(ReportScope.company(), null));
        try (PDDocument document = Loader.loadPDF(companyPdf)) {
            companyText = new PDFTextStripper().getText(document);
        }
    }

    @Test
    void chineseTitleBranchNamesAndIndicatorNamesComeBackOutOfThePdf() {
        assertTrue(companyText.contains("保險品質管理報告"), companyText);
        assertTrue(companyText.contains("Quality Management Report"));
        assertTrue(companyText.contains("台北一分公司"));
        assertTrue(companyText.contains("高雄二分公司"));
        assertTrue(companyText.contains("理賠時效內結案率"));
        assertTrue(companyText.contains("抽檢合格率(理賠檔案)"));
        assertTrue(companyText.contains("發現問題與改善建議"));
        assertTrue(companyText.contains("附錄:指標定義"));
    }

    @Test
    void chartsAreDrawnWithTheirLabels() {
        assertTrue(companyText.contains("分公司比較"));
        assertTrue(companyText.contains("目標 target 95.0%"));
        assertTrue(companyText.contains("2026-05"), "trend chart x axis starts five periods back");
    }

    @Test
    void fontsAreEmbeddedSubsetsAndTheFileStaysSmall() throws IOException {
        assertTrue(companyPdf.length < 400_000, "PDF is " + companyPdf.length + " bytes");
        try (PDDocument document = Loader.loadPDF(companyPdf)) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                    fonts.add(font.getName());
                }
            }
            assertEquals(1, fonts.size(), fonts.toString());
            assertTrue(fonts.iterator().next().matches("[A-Z]{6}\\+NotoSansTC-Regular"), fonts.toString());
        }
    }

    @Test
    void titlesAreBoldByStrokingTheOneFontAndOtherTextIsOnlyFilled() throws IOException {
        try (PDDocument document = Loader.loadPDF(companyPdf)) {
            RenderingModes cover = new RenderingModes();
            cover.setStartPage(1);
            cover.setEndPage(1);
            cover.getText(document);

            assertEquals(Set.of(RenderingMode.FILL_STROKE), cover.of("保險品質管理報告"));
            assertEquals(Set.of(RenderingMode.FILL), cover.of("Quality Management Report"));
            assertEquals(Set.of(RenderingMode.FILL), cover.of("範圍 Scope"), "the mode is restored after a title");
        }
    }

    /** The rendering mode each character of the stripped pages was drawn with. */
    private static final class RenderingModes extends PDFTextStripper {
        private final StringBuilder drawn = new StringBuilder();
        private final List<RenderingMode> modes = new ArrayList<>();

        @Override
        protected void processTextPosition(TextPosition position) {
            RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
            for (char c : position.getUnicode().toCharArray()) {
                drawn.append(c);
                modes.add(mode);
            }
            super.processTextPosition(position);
        }

        Set<RenderingMode> of(String text) {
            int at = drawn.indexOf(text);
            assertTrue(at >= 0, text + " is not drawn in " + drawn);
            return Set.copyOf(modes.subList(at, at + text.length()));
        }
    }

    @Test
    void coverAndChartPagesAreNotBlank() throws IOException {
        try (PDDocument document = Loader.loadPDF(companyPdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            assertTrue(inkedShare(renderer.renderImageWithDPI(0, 40)) > 0.01, "cover page looks blank");
            assertTrue(inkedShare(renderer.renderImageWithDPI(2, 40)) > 0.02, "chart page looks blank");
        }
    }

    @Test
    void theCoverNamesTheBranchInBothLanguagesAndTheTimeInTheCompanyTimeZone() throws IOException {
        QualityReport report = JsonReportRendererTest.report(ReportScope.branch("TPE-01"), null);
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer(java.time.ZoneId.of("Asia/Taipei"))
                .render(report))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("範圍 Scope 分公司 TPE-01 台北一分公司 / Branch TPE-01 Taipei Branch 1\n"), text);
            assertTrue(text.contains("產製時間 Generated 2026-11-01 08:00（Asia/Taipei）\n"), text);
        }
    }

    @Test
    void specialReportListsItemsAndActions() throws IOException {
        QualityReport report = JsonReportRendererTest.report(ReportScope.branch("TPE-01"), ReportTopic.CLAIMS_TIMELINESS);
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(report))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("品質管理專項報告"), text);
            assertTrue(text.contains("理賠時效"));
            assertTrue(text.contains("CLM-9"));
            assertTrue(text.contains("INS-1"));
            assertTrue(text.contains("逾期 overdue"));
            assertTrue(text.contains("逾期完成 late"), "an action closed after its due date");
            assertTrue(text.contains("複查逾期"), "a done action whose effectiveness check is past due: " + text);
            assertTrue(text.contains("台北一分公司 理賠") && text.contains("…")
                    && !text.contains(JsonReportRendererTest.LONG_OWNER),
                    "a long owner label is cut to its column: " + text);
            assertTrue(text.contains("分公司與全公司比較"));
            assertTrue(!text.contains("高雄二分公司"), "a branch report must not show other branches");
        }
    }

    @Test
    void theSamplesPageStatesEachStratumsLimitTheDoubleScorersAgreementAndTheRepeatViolators() throws IOException {
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(JsonReportRendererTest.withSamples()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("What the inspection samples show"), text);
            assertTrue(text.contains("sales TPE-01 (母體 population 5000): 2 deviations in 59: at most 10.3% at 95%"), text);
            assertTrue(text.contains("claims TPE-01 health (母體 population 200): 已檢查 50/51"), text);
            assertTrue(text.contains("sales-quality: 一致 agreed 3/4 (75%), Cohen's kappa 0.5"), text);
            assertTrue(text.contains("待裁定 To adjudicate: INS-2026-10-0a1b"), text);
            assertTrue(text.contains("claims-quality: 一致 agreed 2/2 (100%), Cohen's kappa — (chance explains all"
                    + " agreement)"), text);
            assertTrue(text.contains("Repeat violators (2 or more violations in 12 months): 2"), text);
            assertTrue(text.contains("AG-R1 sales KHH-02, TPE-01: 違規 2 次 violations"), text);
            assertTrue(text.contains("UW-R7 underwriting TPE-01: 違規 3 次 violations"), text);
        }
    }

    @Test
    void itemIdsOfTheFormatsFullLengthArePrintedWholeOneALine() throws IOException {
        String chinese = "理賠案件編號".repeat(21) + "甲乙";
        String mixed = ("CLM/理賠 #7:é-" + "x".repeat(4)).repeat(8);
        QualityReport plain = JsonReportRendererTest.report(ReportScope.company(), ReportTopic.CLAIMS_TIMELINESS);
        SpecialSection special = plain.special().orElseThrow();
        QualityReport longIds = new QualityReport(plain.period(), plain.previousPeriod(), plain.scope(), plain.asOf(),
                plain.generatedAt(), plain.indicators(), plain.branchIndicators(), plain.trends(), plain.comparison(),
                plain.findings(), Optional.of(new SpecialSection(special.topic(), List.of(
                        new ProblemItem("TPE-01:" + chinese, "settled_late"), new ProblemItem("KHH-02:" + mixed, "settled_late"),
                        new ProblemItem("KHH-02:C-1", "settled_late")), special.actions())),
                plain.branchNames(), plain.samples(), plain.branchNamesEn());
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(longIds))) {
            // Wrapped lines come back without the spaces they broke at.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertTrue(text.contains(("TPE-01:" + chinese + "settled_late")), text);
            assertTrue(text.contains(("KHH-02:" + mixed + "settled_late").replaceAll("\\s", "")), text);
            assertTrue(text.contains("KHH-02:C-1settled_late"), text);
        }
    }

    @Test
    void aWordWiderThanTheLineIsBrokenBetweenCharactersSoNoIdRunsOffThePage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfCanvas canvas = new PdfCanvas(document, CjkFonts.loadInto(document));
            String id = "TPE-01:" + "W".repeat(128);
            List<String> lines = canvas.wrap(id + "  settled_late", canvas.regular(), 7.5f, PdfCanvas.width());
            assertEquals(id + "settled_late", String.join("", lines).replace(" ", ""), "nothing lost: " + lines);
            assertTrue(lines.size() >= 2, lines.toString());
            for (String line : lines) {
                assertTrue(canvas.textWidth(line, canvas.regular(), 7.5f) <= PdfCanvas.width(), line);
            }
        }
    }

    @Test
    void aCharacterTheFontLacksIsDrawnAsAQuestionMarkInsteadOfFailingTheReport() throws IOException {
        QualityReport plain = JsonReportRendererTest.report(ReportScope.company(), null);
        QualityReport withEmoji = new QualityReport(plain.period(), plain.previousPeriod(), plain.scope(), plain.asOf(),
                plain.generatedAt(), plain.indicators(), plain.branchIndicators(), plain.trends(), plain.comparison(),
                plain.findings(), plain.special(), Map.of("TPE-01", "台北一分公司\uD83D\uDE00"), plain.samples(),
                plain.branchNamesEn());
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(withEmoji))) {
            assertTrue(new PDFTextStripper().getText(document).contains("TPE-01 台北一分公司?"));
        }
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
