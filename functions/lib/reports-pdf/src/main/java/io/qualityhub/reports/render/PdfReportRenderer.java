package io.qualityhub.reports.render;

import io.qualityhub.reports.finding.Finding;
import io.qualityhub.reports.indicator.Direction;
import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.indicator.IndicatorCatalogue;
import io.qualityhub.reports.indicator.IndicatorDefinition;
import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.report.Comparison;
import io.qualityhub.reports.report.CorrectiveActionItem;
import io.qualityhub.reports.report.ProblemItem;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.SampleAssurance;
import io.qualityhub.reports.report.SpecialSection;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * The report a manager reads: cover, summary table with red/amber/green, trend and branch
 * comparison charts, problems and suggestions, the special report's items and corrective actions,
 * and an appendix of definitions. Text is in Traditional Chinese and English, set in an embedded
 * subset of Noto Sans TC.
 */
public final class PdfReportRenderer {

    /** The PDF carries at most this many findings; the JSON carries all of them. */
    public static final int MAX_FINDINGS = 30;
    /** The PDF lists at most this many problem items; the JSON carries all of them. */
    public static final int MAX_ITEMS = 300;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The template's {@code CompanyTimeZone} default. */
    private static final ZoneId COMPANY_DEFAULT_ZONE = ZoneId.of("Asia/Taipei");

    private final ZoneId zone;

    /** Times in the template's default company time zone, Asia/Taipei. */
    public PdfReportRenderer() {
        this(COMPANY_DEFAULT_ZONE);
    }

    /** @param zone the company time zone, in which the report's times are printed */
    public PdfReportRenderer(ZoneId zone) {
        this.zone = zone;
    }

    public byte[] render(QualityReport report) {
        try (PDDocument document = new PDDocument()) {
            CjkFonts.Loaded fonts = CjkFonts.loadInto(document);
            try (PdfCanvas canvas = new PdfCanvas(document, fonts)) {
                cover(canvas, report, zone);
                summary(canvas, report);
                charts(canvas, report);
                if (!report.branchIndicators().isEmpty()) {
                    branchOverview(canvas, report);
                }
                findings(canvas, report);
                if (report.special().isPresent()) {
                    special(canvas, report.special().get(), report);
                }
                if (!report.samples().isEmpty()) {
                    samples(canvas, report);
                }
                appendix(canvas, report);
            }
            footers(document, fonts, report);
            information(document, report);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ReportRenderingException("the PDF report " + report.baseName() + " could not be rendered", e);
        }
    }

    private static void cover(PdfCanvas canvas, QualityReport report, ZoneId zone) throws IOException {
        canvas.newPage();
        canvas.moveDown(140);
        String zh = report.special().map(s -> "品質管理專項報告").orElse("保險品質管理報告");
        String en = report.special().map(s -> "Special Quality Report").orElse("Quality Management Report");
        canvas.text(PdfCanvas.left(), canvas.y(), zh, canvas.bold(), 28, PdfCanvas.TEXT);
        canvas.moveDown(30);
        canvas.text(PdfCanvas.left(), canvas.y(), en, canvas.regular(), 16, PdfCanvas.MUTED);
        if (report.special().isPresent()) {
            SpecialSection special = report.special().get();
            canvas.moveDown(30);
            canvas.text(PdfCanvas.left(), canvas.y(), special.topic().nameZh() + "  " + special.topic().nameEn(),
                    canvas.bold(), 16, PdfCanvas.TEXT);
        }
        canvas.moveDown(50);
        canvas.rule();
        canvas.moveDown(28);
        coverLine(canvas, "範圍 Scope", report.scopeNameZh() + " / " + report.scopeNameEn());
        coverLine(canvas, "期間 Period", report.period().label() + "  (" + report.period().start() + " – "
                + report.period().endInclusive() + ")");
        coverLine(canvas, "比較期間 Compared with", report.previousPeriod().label());
        coverLine(canvas, "逾期判定基準日 Overdue as of", report.asOf().toString());
        coverLine(canvas, "產製時間 Generated", GENERATED.format(report.generatedAt().atZone(zone)) + "（" + zone.getId()
                + "）");
        for (var revision : report.revisions()) {
            canvas.paragraph(revision.sentenceZh(), canvas.bold(), 10, PdfCanvas.TEXT, 0);
            canvas.paragraph(revision.sentenceEn(), canvas.regular(), 9, PdfCanvas.MUTED, 0);
        }
        canvas.moveDown(24);
        Map<RagStatus, Integer> counts = new EnumMap<>(RagStatus.class);
        report.indicators().forEach(indicator -> counts.merge(indicator.status(), 1, Integer::sum));
        float x = PdfCanvas.left();
        for (RagStatus status : RagStatus.values()) {
            String label = RagStyle.label(status) + "  " + counts.getOrDefault(status, 0);
            float w = canvas.textWidth(label, canvas.bold(), 10) + 16;
            canvas.fillRect(x, canvas.y() - 6, w, 20, RagStyle.colour(status));
            canvas.text(x + 8, canvas.y(), label, canvas.bold(), 10, RagStyle.labelColour(status));
            x += w + 8;
        }
        canvas.moveDown(60);
        canvas.paragraph("機密文件:僅供公司管理階層、品質管理部門及稽核人員使用。本報告僅含統計數據與紀錄編號,不含客戶個人資料。",
                canvas.regular(), 9, PdfCanvas.MUTED, 0);
        canvas.paragraph("Confidential: for management, the quality department and auditors. This report holds statistics "
                + "and record ids only, no customer personal data.", canvas.regular(), 9, PdfCanvas.MUTED, 0);
    }

    private static void coverLine(PdfCanvas canvas, String label, String value) throws IOException {
        canvas.text(PdfCanvas.left(), canvas.y(), label, canvas.regular(), 10, PdfCanvas.MUTED);
        canvas.text(PdfCanvas.left() + 150, canvas.y(), value, canvas.regular(), 11, PdfCanvas.TEXT);
        canvas.moveDown(20);
    }

    private static void heading(PdfCanvas canvas, String zh, String en) throws IOException {
        canvas.ensureSpace(60);
        canvas.moveDown(24);
        canvas.text(PdfCanvas.left(), canvas.y(), zh, canvas.bold(), 15, PdfCanvas.TEXT);
        float w = canvas.textWidth(zh, canvas.bold(), 15);
        canvas.text(PdfCanvas.left() + w + 10, canvas.y(), en, canvas.regular(), 11, PdfCanvas.MUTED);
        canvas.moveDown(8);
        canvas.rule();
        canvas.moveDown(6);
    }

    private static final float[] SUMMARY_COLUMNS = {0, 215, 285, 345, 405, 458};

    private static void summary(PdfCanvas canvas, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "指標達成摘要", "Indicator summary");
        summaryHeader(canvas);
        for (Indicator indicator : report.indicators()) {
            if (canvas.y() - 26 < PdfCanvas.MARGIN + PdfCanvas.FOOTER) {
                canvas.newPage();
                summaryHeader(canvas);
            }
            float top = canvas.y();
            float x = PdfCanvas.left();
            canvas.text(x, top - 11, indicator.nameZh(), canvas.regular(), 8.5f, PdfCanvas.TEXT);
            canvas.text(x, top - 21, indicator.nameEn(), canvas.regular(), 6.5f, PdfCanvas.MUTED);
            canvas.text(x + SUMMARY_COLUMNS[1], top - 14, Numbers.compact(indicator.value(), indicator.unit()),
                    canvas.bold(), 8.5f, PdfCanvas.TEXT);
            canvas.text(x + SUMMARY_COLUMNS[2], top - 14, Numbers.compact(indicator.target(), indicator.unit()),
                    canvas.regular(), 8, PdfCanvas.TEXT);
            canvas.fillRect(x + SUMMARY_COLUMNS[3], top - 20, 50, 14, RagStyle.colour(indicator.status()));
            canvas.text(x + SUMMARY_COLUMNS[3] + 4, top - 16, RagStyle.label(indicator.status()), canvas.bold(), 7,
                    RagStyle.labelColour(indicator.status()));
            canvas.text(x + SUMMARY_COLUMNS[4], top - 14, Numbers.compact(indicator.previousValue(), indicator.unit()),
                    canvas.regular(), 8, PdfCanvas.TEXT);
            canvas.text(x + SUMMARY_COLUMNS[5], top - 14, RagStyle.label(indicator.trend()), canvas.regular(), 8,
                    PdfCanvas.TEXT);
            if (indicator.confidenceInterval() != null) {
                canvas.text(x + SUMMARY_COLUMNS[1], top - 22, "95% CI " + Numbers.format(indicator.confidenceInterval().lower(), 1)
                        + "–" + Numbers.format(indicator.confidenceInterval().upper(), 1), canvas.regular(), 5.5f,
                        PdfCanvas.MUTED);
            }
            canvas.moveDown(26);
            canvas.line(PdfCanvas.left(), canvas.y(), PdfCanvas.left() + PdfCanvas.width(), canvas.y(), 0.3f,
                    PdfCanvas.RULE, false);
        }
    }

    private static void summaryHeader(PdfCanvas canvas) throws IOException {
        String[] headers = {"指標 Indicator", "本期 Value", "目標 Target", "燈號 Status", "上期 Prev.", "趨勢 Trend"};
        canvas.moveDown(14);
        for (int i = 0; i < headers.length; i++) {
            canvas.text(PdfCanvas.left() + SUMMARY_COLUMNS[i], canvas.y(), headers[i], canvas.bold(), 8, PdfCanvas.MUTED);
        }
        canvas.moveDown(5);
        canvas.rule();
    }

    private static void charts(PdfCanvas canvas, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "趨勢", "Trend over " + report.trends().getFirst().points().size() + " periods");
        PdfCharts.trendLines(canvas, report.trends(), 210);
        Comparison comparison = report.comparison();
        canvas.ensureSpace(PdfCharts.comparisonHeight(comparison) + 90);
        heading(canvas, report.scope().isCompany() ? "分公司比較" : "分公司與全公司比較",
                (report.scope().isCompany() ? "Branch comparison: " : "Branch against company: ") + comparison.nameEn());
        canvas.paragraph(comparison.nameZh(), canvas.regular(), 9, PdfCanvas.TEXT, 0);
        canvas.moveDown(16);
        List<String> labels = new ArrayList<>();
        comparison.bars().forEach(bar -> labels.add(bar.label().equals("company") ? "全公司 Company"
                : report.displayName(bar.label())));
        PdfCharts.comparisonBars(canvas, comparison, labels);
    }

    private static void branchOverview(PdfCanvas canvas, QualityReport report) throws IOException {
        heading(canvas, "分公司燈號總覽", "Branch status overview");
        float[] columns = {0, 180, 240, 300, 360};
        canvas.moveDown(12);
        String[] headers = {"分公司 Branch", "紅 Red", "黃 Amber", "綠 Green", "未評/無資料"};
        for (int i = 0; i < headers.length; i++) {
            canvas.text(PdfCanvas.left() + columns[i], canvas.y(), headers[i], canvas.bold(), 8, PdfCanvas.MUTED);
        }
        canvas.moveDown(4);
        canvas.rule();
        for (Map.Entry<String, List<Indicator>> entry : new TreeMap<>(report.branchIndicators()).entrySet()) {
            canvas.ensureSpace(14);
            canvas.moveDown(13);
            Map<RagStatus, Integer> counts = new EnumMap<>(RagStatus.class);
            entry.getValue().forEach(indicator -> counts.merge(indicator.status(), 1, Integer::sum));
            float y = canvas.y();
            canvas.text(PdfCanvas.left(), y, report.displayName(entry.getKey()), canvas.regular(), 8, PdfCanvas.TEXT);
            canvas.text(PdfCanvas.left() + columns[1], y, String.valueOf(counts.getOrDefault(RagStatus.RED, 0)),
                    canvas.bold(), 8, RagStyle.RED);
            canvas.text(PdfCanvas.left() + columns[2], y, String.valueOf(counts.getOrDefault(RagStatus.AMBER, 0)),
                    canvas.bold(), 8, PdfCanvas.TEXT);
            canvas.text(PdfCanvas.left() + columns[3], y, String.valueOf(counts.getOrDefault(RagStatus.GREEN, 0)),
                    canvas.bold(), 8, RagStyle.GREEN);
            canvas.text(PdfCanvas.left() + columns[4], y, String.valueOf(counts.getOrDefault(RagStatus.NOT_RATED, 0)
                    + counts.getOrDefault(RagStatus.NO_DATA, 0)), canvas.regular(), 8, PdfCanvas.MUTED);
        }
    }

    private static void findings(PdfCanvas canvas, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "發現問題與改善建議", "Problems found and suggestions");
        if (report.findings().isEmpty()) {
            canvas.paragraph("本期未發現未達目標、惡化或偏離之指標。 No indicator fell short of target, worsened or stood out "
                    + "this period.", canvas.regular(), 9, PdfCanvas.TEXT, 0);
            return;
        }
        for (Finding finding : report.findings().subList(0, Math.min(MAX_FINDINGS, report.findings().size()))) {
            canvas.ensureSpace(70);
            canvas.moveDown(8);
            Color colour = switch (finding.severity()) {
                case HIGH -> RagStyle.RED;
                case MEDIUM -> RagStyle.AMBER;
                case LOW -> RagStyle.GREY;
            };
            canvas.fillRect(PdfCanvas.left(), canvas.y() - 12, 4, 12, colour);
            canvas.paragraph(finding.rank() + ". " + finding.titleZh() + "  [" + finding.severity() + "]", canvas.bold(),
                    9.5f, PdfCanvas.TEXT, 10);
            canvas.paragraph(finding.titleEn(), canvas.regular(), 8, PdfCanvas.MUTED, 10);
            canvas.paragraph(finding.detailZh() + " " + finding.detailEn(), canvas.regular(), 8, PdfCanvas.TEXT, 10);
            canvas.paragraph("建議 Suggested: " + finding.suggestedActionZh() + " " + finding.suggestedActionEn(),
                    canvas.regular(), 8, PdfCanvas.TEXT, 10);
        }
        if (report.findings().size() > MAX_FINDINGS) {
            canvas.moveDown(6);
            canvas.paragraph("另有 " + (report.findings().size() - MAX_FINDINGS) + " 項發現列於 JSON 版報告。 "
                    + (report.findings().size() - MAX_FINDINGS) + " more findings are in the JSON report.",
                    canvas.regular(), 8, PdfCanvas.MUTED, 0);
        }
    }

    private static boolean fitColumns(PdfCanvas canvas, List<ProblemItem> items, float columnWidth) throws IOException {
        for (ProblemItem item : items) {
            if (canvas.textWidth(item.itemId() + "  " + item.reason(), canvas.regular(), 7.5f) > columnWidth - 6) {
                return false;
            }
        }
        return true;
    }

    private static void special(PdfCanvas canvas, SpecialSection special, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "問題案件", "Items behind the problem (ids only)");
        List<ProblemItem> items = special.items();
        if (items.isEmpty()) {
            canvas.paragraph("無 None.", canvas.regular(), 9, PdfCanvas.TEXT, 0);
        }
        float columnWidth = PdfCanvas.width() / 3;
        List<ProblemItem> shown = items.subList(0, Math.min(MAX_ITEMS, items.size()));
        boolean inColumns = fitColumns(canvas, shown, columnWidth);
        if (!inColumns) {
            // An id of up to 128 characters is shown whole on its own line: cut, two ids could read alike.
            for (ProblemItem item : shown) {
                canvas.paragraph(item.itemId() + "  " + item.reason(), canvas.regular(), 7.5f, PdfCanvas.TEXT, 0);
            }
        }
        for (int i = 0; inColumns && i < shown.size(); i += 3) {
            canvas.ensureSpace(13);
            canvas.moveDown(13);
            for (int c = 0; c < 3 && i + c < shown.size(); c++) {
                ProblemItem item = shown.get(i + c);
                canvas.text(PdfCanvas.left() + c * columnWidth, canvas.y(), item.itemId() + "  " + item.reason(),
                        canvas.regular(), 7.5f, PdfCanvas.TEXT);
            }
        }
        if (items.size() > MAX_ITEMS) {
            canvas.paragraph("另有 " + (items.size() - MAX_ITEMS) + " 件列於 JSON 版報告。 " + (items.size() - MAX_ITEMS)
                    + " more items are in the JSON report.", canvas.regular(), 8, PdfCanvas.MUTED, 0);
        }
        heading(canvas, "整改措施追蹤", "Corrective actions and their status");
        if (special.actions().isEmpty()) {
            canvas.paragraph("無 None.", canvas.regular(), 9, PdfCanvas.TEXT, 0);
            return;
        }
        float[] columns = {0, 40, 158, 196, 282, 332, 374, 424, PdfCanvas.width()};
        String[] headers = {"分支", "抽檢編號 Inspection", "嚴重度", "負責人 Owner", "期限 Due", "狀態 Status",
                "完成日 Closed", "判定 State"};
        canvas.moveDown(12);
        for (int i = 0; i < headers.length; i++) {
            canvas.text(PdfCanvas.left() + columns[i], canvas.y(), canvas.fitted(headers[i], canvas.bold(), 7,
                    columns[i + 1] - columns[i] - 3), canvas.bold(), 7, PdfCanvas.MUTED);
        }
        canvas.moveDown(4);
        canvas.rule();
        List<CorrectiveActionItem> actions = special.actions();
        for (CorrectiveActionItem action : actions.subList(0, Math.min(MAX_ITEMS, actions.size()))) {
            canvas.ensureSpace(14);
            canvas.moveDown(13);
            float y = canvas.y();
            CorrectiveActionItem.State state = action.state(report.asOf());
            String[] cells = {report.displayName(action.branch()), action.inspectionId(), action.severity(), action.owner(),
                    action.dueOn().toString(), action.status().wireName(),
                    action.closedOn() == null ? "—" : action.closedOn().toString(), stateLabel(state)};
            for (int i = 0; i < cells.length; i++) {
                Color colour = i == cells.length - 1 && (state == CorrectiveActionItem.State.OVERDUE
                        || state == CorrectiveActionItem.State.CHECK_OVERDUE
                        || state == CorrectiveActionItem.State.CLOSED_LATE) ? RagStyle.RED : PdfCanvas.TEXT;
                canvas.text(PdfCanvas.left() + columns[i], y, canvas.fitted(cells[i], canvas.regular(), 7.5f,
                        columns[i + 1] - columns[i] - 3), canvas.regular(), 7.5f, colour);
            }
        }
        if (actions.size() > MAX_ITEMS) {
            canvas.paragraph("另有 " + (actions.size() - MAX_ITEMS) + " 項整改措施列於 JSON 版報告。 "
                    + (actions.size() - MAX_ITEMS) + " more corrective actions are in the JSON report.",
                    canvas.regular(), 8, PdfCanvas.MUTED, 0);
        }
    }

    /**
     * What the period's samples let an auditor say: a line per stratum with its upper deviation limit in words (or how
     * many results are still missing), then per team how far double scorers agree and which tasks to adjudicate, then
     * the month's repeat violators.
     */
    private static void samples(PdfCanvas canvas, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "抽樣保證程度", "What the inspection samples show");
        canvas.paragraph("各分層依抽樣計畫之信賴水準,就檢查結果敘明偏差率上限;尚有樣本未檢查者,不作敘明。"
                + " For each stratum, the highest deviation rate its results allow at the plan's confidence; none is"
                + " stated while sampled records still lack a result.", canvas.regular(), 8, PdfCanvas.MUTED, 0);
        for (SampleAssurance sample : report.samples()) {
            canvas.ensureSpace(40);
            canvas.moveDown(6);
            canvas.paragraph("抽樣期間 Sample " + sample.samplePeriod(), canvas.bold(), 9.5f, PdfCanvas.TEXT, 0);
            for (SampleAssurance.StratumStatement stratum : sample.strata()) {
                canvas.ensureSpace(14);
                String name = stratum.recordType() + " " + report.displayName(stratum.branch())
                        + (stratum.productLine() == null ? "" : " " + stratum.productLine());
                String said = stratum.statement() != null ? stratum.statement()
                        : "已檢查 " + stratum.inspected() + "/" + stratum.sampled() + ",待全部完成 "
                        + stratum.inspected() + " of " + stratum.sampled() + " inspected, no statement yet";
                canvas.paragraph(name + " (母體 population " + stratum.population() + "): " + said, canvas.regular(), 8,
                        PdfCanvas.TEXT, 10);
            }
            for (SampleAssurance.TeamAgreement team : sample.agreement()) {
                canvas.ensureSpace(28);
                String agreement = team.pairs() == 0 ? "尚無雙評結果 no double-scored pair yet"
                        : "一致 agreed " + team.agreements() + "/" + team.pairs() + " ("
                        + Numbers.exact(Math.round(team.percentAgreement() * 10) / 10.0) + "%), Cohen's kappa "
                        + (team.kappa() == null ? "— (chance explains all agreement)"
                        : Numbers.exact(Math.round(team.kappa() * 100) / 100.0));
                canvas.paragraph("雙評一致性 Double scoring, " + team.team() + ": " + agreement, canvas.regular(), 8,
                        PdfCanvas.TEXT, 10);
                if (!team.disagreements().isEmpty()) {
                    canvas.paragraph("待裁定 To adjudicate: " + String.join(", ", team.disagreements()),
                            canvas.regular(), 8, PdfCanvas.TEXT, 20);
                }
            }
            repeatViolators(canvas, sample.repeatViolators(), report);
        }
    }

    /** A month's repeat violators (policy III.4.3), a line each, up to {@link #MAX_ITEMS}; the JSON report has all. */
    private static void repeatViolators(PdfCanvas canvas, List<SampleAssurance.RepeatViolator> violators,
                                        QualityReport report) throws IOException {
        if (violators.isEmpty()) {
            return;
        }
        canvas.ensureSpace(28);
        canvas.paragraph("多次違規人員(近 12 個月 2 次以上)Repeat violators (2 or more violations in 12 months): "
                + violators.size(), canvas.regular(), 8, PdfCanvas.TEXT, 10);
        for (SampleAssurance.RepeatViolator violator : violators.subList(0, Math.min(MAX_ITEMS, violators.size()))) {
            canvas.ensureSpace(14);
            canvas.paragraph(violator.staffId() + " " + violator.department() + " " + String.join(", ",
                    violator.branches().stream().map(report::displayName).toList()) + ": 違規 " + violator.violations() + " 次 violations", canvas.regular(), 8,
                    PdfCanvas.TEXT, 20);
        }
        if (violators.size() > MAX_ITEMS) {
            canvas.paragraph("另有 " + (violators.size() - MAX_ITEMS) + " 人列於 JSON 版報告。 "
                    + (violators.size() - MAX_ITEMS) + " more repeat violators are in the JSON report.",
                    canvas.regular(), 8, PdfCanvas.MUTED, 20);
        }
    }

    private static String stateLabel(CorrectiveActionItem.State state) {
        return switch (state) {
            case OPEN -> "進行中 open";
            case OVERDUE -> "逾期 overdue";
            case AWAITING_CHECK -> "待複查 awaiting check";
            case CHECK_OVERDUE -> "複查逾期 check overdue";
            case CLOSED_ON_TIME -> "準時完成 on time";
            case CLOSED_LATE -> "逾期完成 late";
        };
    }

    private static void appendix(PdfCanvas canvas, QualityReport report) throws IOException {
        canvas.newPage();
        heading(canvas, "附錄:指標定義", "Appendix: definitions");
        canvas.paragraph("燈號規則:目標值 T、黃燈容許差 M。越高越好之指標,達 T 以上為綠燈,介於 T−M 與 T 之間為黃燈,低於 T−M 為紅燈;"
                + "越低越好之指標反之。未設目標者不評燈號。", canvas.regular(), 8, PdfCanvas.TEXT, 0);
        canvas.paragraph("Status rules: with target T and amber margin M, an indicator where higher is better is green at T "
                + "or above, amber from T − M up to T, red below T − M; the reverse where lower is better. Indicators "
                + "without a target are not rated. Trends compare with the previous period; a change within the "
                + "indicator's tolerance is steady.", canvas.regular(), 8, PdfCanvas.MUTED, 0);
        canvas.moveDown(6);
        for (Indicator indicator : report.indicators()) {
            IndicatorDefinition definition = IndicatorCatalogue.require(indicator.id());
            canvas.ensureSpace(60);
            canvas.moveDown(6);
            canvas.paragraph(definition.nameZh() + "  " + definition.nameEn() + "  (" + definition.id() + ")",
                    canvas.bold(), 8.5f, PdfCanvas.TEXT, 0);
            canvas.paragraph(definition.definitionZh(), canvas.regular(), 7.5f, PdfCanvas.TEXT, 8);
            canvas.paragraph(definition.definitionEn() + " " + (definition.direction() == Direction.HIGHER_IS_BETTER
                    ? "Higher is better." : "Lower is better.") + (indicator.target() == null ? " No target."
                    : " Target " + Numbers.withUnit(indicator.target(), indicator.unit()) + "."),
                    canvas.regular(), 7.5f, PdfCanvas.MUTED, 8);
            canvas.paragraph("本期分子 " + figure(indicator.numerator()) + ",分母 " + figure(indicator.denominator())
                    + "。 This period: numerator " + figure(indicator.numerator()) + ", denominator "
                    + figure(indicator.denominator()) + ".", canvas.regular(), 7.5f, PdfCanvas.TEXT, 8);
        }
    }

    /** A numerator or denominator as written in the appendix; a dash where the indicator has none. */
    private static String figure(Double value) {
        return value == null ? "—" : Numbers.exact(value);
    }

    private static void footers(PDDocument document, CjkFonts.Loaded fonts, QualityReport report) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String left = "機密 Confidential · " + report.baseName();
                String right = "第 " + (i + 1) + " 頁,共 " + total + " 頁 · Page " + (i + 1) + " of " + total;
                stream.beginText();
                stream.setFont(fonts.font(), 7);
                stream.setNonStrokingColor(PdfCanvas.MUTED);
                stream.newLineAtOffset(PdfCanvas.MARGIN, PdfCanvas.MARGIN - 14);
                stream.showText(left);
                stream.endText();
                float width = fonts.font().getStringWidth(right) / 1000f * 7;
                stream.beginText();
                stream.newLineAtOffset(PdfCanvas.PAGE.getWidth() - PdfCanvas.MARGIN - width, PdfCanvas.MARGIN - 14);
                stream.showText(right);
                stream.endText();
            }
        }
    }

    private static void information(PDDocument document, QualityReport report) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(report.titleZh() + " / " + report.titleEn());
        info.setSubject("QualityHub " + report.baseName());
        info.setCreator("QualityHub reports");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.generatedAt().toEpochMilli());
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("zh-TW");
        // PDFBox would otherwise derive the file identifier from the clock: the same report must render to the same
        // bytes, so that it can be verified by rendering it again from its snapshot.
        byte[] id = Arrays.copyOf(sha256("qualityhub-report " + report.baseName() + " " + report.generatedAt()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
