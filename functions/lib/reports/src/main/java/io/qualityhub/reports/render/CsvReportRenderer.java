package io.qualityhub.reports.render;

import io.qualityhub.reports.indicator.Indicator;
import io.qualityhub.reports.report.QualityReport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every indicator of a report as CSV (RFC 4180: comma separated, CRLF line ends, fields with a
 * comma, quote, CR or LF quoted with inner quotes doubled), UTF-8 with a byte-order mark so that
 * spreadsheet programs read the Chinese names correctly.
 *
 * <p>A cell that a spreadsheet would run as a formula (one starting with {@code = + - @}, a tab
 * or a carriage return) gets a leading {@code '} so it is shown as text. Every cell goes through
 * this, numbers included; no value this renderer writes is negative.
 */
public final class CsvReportRenderer {

    private static final List<String> HEADER = List.of("period", "scope", "indicator_id", "name_en", "name_zh",
            "value", "unit", "target", "status", "previous_value", "trend", "basis", "ci95_lower", "ci95_upper",
            "numerator", "denominator", "scope_name_zh", "scope_name_en");
    private static final String CRLF = "\r\n";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public byte[] render(QualityReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        String period = report.period().label();
        rows(csv, period, report.scope().label(), report.scopeNameZh(), report.scopeNameEn(), report.indicators());
        report.branchIndicators().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> rows(csv, period, entry.getKey(), "分公司 " + report.displayName(entry.getKey()),
                        "Branch " + report.displayNameEn(entry.getKey()), entry.getValue()));
        // A period whose figures changed after its report: one row each, under the reserved id report.revised.
        report.revisions().forEach(revision -> row(csv, List.of(revision.period().label(), report.scope().label(),
                "report.revised", revision.sentenceEn(), revision.sentenceZh(), "", "", "", "revised", "", "", "", "", "",
                "", "", report.scopeNameZh(), report.scopeNameEn())));
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, withBom, UTF8_BOM.length, text.length);
        return withBom;
    }

    /** One cell, neutralised against formula injection and quoted when RFC 4180 requires it. */
    public static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(raw) ? "'" + raw : raw;
        boolean needsQuotes = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** {@code nameZh} and {@code nameEn} name the scope for people: the branch's code with its name. */
    private static void rows(StringBuilder csv, String period, String scope, String nameZh, String nameEn,
                             List<Indicator> indicators) {
        for (Indicator i : indicators) {
            row(csv, List.of(period, scope, i.id(), i.nameEn(), i.nameZh(), Numbers.exact(i.value()),
                    i.unit().name().toLowerCase(Locale.ROOT), Numbers.exact(i.target()),
                    i.status().name().toLowerCase(Locale.ROOT), Numbers.exact(i.previousValue()),
                    i.trend().name().toLowerCase(Locale.ROOT), Long.toString(i.basis()),
                    i.confidenceInterval() == null ? "" : Numbers.exact(i.confidenceInterval().lower()),
                    i.confidenceInterval() == null ? "" : Numbers.exact(i.confidenceInterval().upper()),
                    Numbers.exact(i.numerator()), Numbers.exact(i.denominator()), nameZh, nameEn));
        }
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(c)));
        }
        csv.append(CRLF);
    }
}
