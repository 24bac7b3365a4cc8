package io.qualityhub.reports.render;

import io.qualityhub.reports.indicator.Unit;
import io.qualityhub.reports.report.Comparison;
import io.qualityhub.reports.report.TrendSeries;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** Charts drawn with PDF path and text operators, so they stay vector and searchable. */
final class PdfCharts {

    private static final Color[] SERIES = {
            new Color(0x15, 0x65, 0xC0), new Color(0xEF, 0x6C, 0x00), new Color(0x6A, 0x1B, 0x9A),
            new Color(0x00, 0x83, 0x8F)};
    private static final float AXIS_LABEL = 7;

    private PdfCharts() {
    }

    /** A line chart of the series over periods, in a box whose top is the canvas cursor. */
    static void trendLines(PdfCanvas canvas, List<TrendSeries> series, float height) throws IOException {
        canvas.ensureSpace(height + 14f * series.size() + 10);
        float top = canvas.y();
        float left = PdfCanvas.left() + 34;
        float right = PdfCanvas.left() + PdfCanvas.width() - 8;
        float bottom = top - height + 18;
        Unit unit = series.getFirst().unit();
        double[] range = range(unit, series.stream().flatMap(s -> s.points().stream())
                .map(TrendSeries.Point::value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray(), null);
        grid(canvas, left, right, bottom, top - 6, range, unit);
        List<TrendSeries.Point> labels = series.getFirst().points();
        int n = labels.size();
        float step = n > 1 ? (right - left - 20) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            String label = labels.get(i).periodLabel();
            float x = left + 10 + step * i;
            canvas.text(x - canvas.textWidth(label, canvas.regular(), AXIS_LABEL) / 2, bottom - 11, label,
                    canvas.regular(), AXIS_LABEL, PdfCanvas.MUTED);
        }
        for (int s = 0; s < series.size(); s++) {
            Color colour = SERIES[s % SERIES.length];
            Float previousX = null;
            Float previousY = null;
            List<TrendSeries.Point> points = series.get(s).points();
            for (int i = 0; i < points.size(); i++) {
                Double value = points.get(i).value();
                if (value == null) {
                    previousX = null;
                    continue;
                }
                float x = left + 10 + step * i;
                float y = scale(value, range, bottom, top - 6);
                if (previousX != null) {
                    canvas.line(previousX, previousY, x, y, 1.6f, colour, false);
                }
                canvas.fillRect(x - 2, y - 2, 4, 4, colour);
                previousX = x;
                previousY = y;
            }
        }
        canvas.moveDown(height);
        for (int s = 0; s < series.size(); s++) {
            canvas.moveDown(14);
            float y = canvas.y();
            canvas.line(PdfCanvas.left() + 34, y + 3, PdfCanvas.left() + 52, y + 3, 2f, SERIES[s % SERIES.length], false);
            canvas.text(PdfCanvas.left() + 58, y, series.get(s).nameZh() + "  " + series.get(s).nameEn(),
                    canvas.regular(), 8, PdfCanvas.TEXT);
        }
        canvas.moveDown(10);
    }

    /** The space {@link #comparisonBars} takes: rows shrink from 18 to 9 points so ~60 branches fit a page. */
    static float comparisonHeight(Comparison comparison) {
        return rowHeight(comparison.bars().size()) * comparison.bars().size() + 30;
    }

    private static float rowHeight(int bars) {
        return Math.max(9, Math.min(18, 560f / Math.max(bars, 1)));
    }

    /** Horizontal bars, one per branch, coloured by status, with the target as a dashed line. */
    static void comparisonBars(PdfCanvas canvas, Comparison comparison, List<String> labels) throws IOException {
        int n = comparison.bars().size();
        float row = rowHeight(n);
        float labelWidth = 120;
        float left = PdfCanvas.left() + labelWidth;
        float right = PdfCanvas.left() + PdfCanvas.width() - 40;
        // bars start at zero, so percentages always span 0-100
        double[] range = comparison.unit() == Unit.PERCENT ? new double[] {0, 100}
                : range(comparison.unit(), comparison.bars().stream().map(Comparison.Bar::value)
                        .filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray(), comparison.target());
        canvas.ensureSpace(comparisonHeight(comparison));
        float top = canvas.y();
        float fontSize = Math.min(8, row * 0.7f);
        float bottom = top - row * n;
        // the target line goes first, so bars and their values are drawn over it
        if (comparison.target() != null) {
            float x = xScale(comparison.target(), range, left, right);
            canvas.line(x, bottom, x, top, 1f, PdfCanvas.TEXT, true);
            canvas.text(x + 2, top + 3, "目標 target " + Numbers.compact(comparison.target(), comparison.unit()),
                    canvas.regular(), AXIS_LABEL, PdfCanvas.TEXT);
        }
        for (int i = 0; i < n; i++) {
            Comparison.Bar bar = comparison.bars().get(i);
            float baseline = top - row * (i + 1);
            canvas.text(PdfCanvas.left(), baseline + row * 0.25f, labels.get(i), canvas.regular(), fontSize,
                    PdfCanvas.TEXT);
            if (bar.value() == null) {
                canvas.text(left + 2, baseline + row * 0.25f, "無資料 no data", canvas.regular(), fontSize, PdfCanvas.MUTED);
                continue;
            }
            float end = xScale(bar.value(), range, left, right);
            canvas.fillRect(left, baseline + row * 0.15f, Math.max(0.5f, end - left), row * 0.7f, RagStyle.colour(bar.status()));
            canvas.text(end + 3, baseline + row * 0.25f, Numbers.compact(bar.value(), comparison.unit()),
                    canvas.regular(), fontSize, PdfCanvas.TEXT);
        }
        canvas.line(left, bottom, left, top, 0.6f, PdfCanvas.MUTED, false);
        canvas.line(left, bottom, right, bottom, 0.6f, PdfCanvas.MUTED, false);
        for (double tick : ticks(range)) {
            float x = xScale(tick, range, left, right);
            String label = Numbers.format(tick, tick == Math.rint(tick) ? 0 : 1);
            canvas.text(x - canvas.textWidth(label, canvas.regular(), AXIS_LABEL) / 2, bottom - 10, label,
                    canvas.regular(), AXIS_LABEL, PdfCanvas.MUTED);
        }
        canvas.moveDown(row * n + 22);
    }

    private static void grid(PdfCanvas canvas, float left, float right, float bottom, float top, double[] range,
                             Unit unit) throws IOException {
        for (double tick : ticks(range)) {
            float y = scale(tick, range, bottom, top);
            canvas.line(left, y, right, y, 0.3f, PdfCanvas.RULE, false);
            String label = Numbers.format(tick, unit == Unit.SCORE ? 1 : 0);
            canvas.text(left - 4 - canvas.textWidth(label, canvas.regular(), AXIS_LABEL), y - 2.5f, label,
                    canvas.regular(), AXIS_LABEL, PdfCanvas.MUTED);
        }
        canvas.line(left, bottom, left, top, 0.6f, PdfCanvas.MUTED, false);
        canvas.line(left, bottom, right, bottom, 0.6f, PdfCanvas.MUTED, false);
    }

    /**
     * Percentages from a multiple of 20 below the lowest value up to 100 (so the five ticks fall on
     * whole numbers), scores 1-5, anything else from 0
     * to a round number above the largest value (or target).
     */
    static double[] range(Unit unit, double[] values, Double target) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (target != null) {
            min = Math.min(min, target);
            max = Math.max(max, target);
        }
        return switch (unit) {
            case PERCENT -> new double[] {
                    values.length == 0 ? 0 : Math.max(0, Math.floor((Math.min(min, 100) - 1) / 20) * 20), 100};
            case SCORE -> new double[] {1, 5};
            default -> new double[] {0, niceCeiling(max)};
        };
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value * 1.05) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double[] ticks(double[] range) {
        double[] ticks = new double[5];
        for (int i = 0; i < 5; i++) {
            ticks[i] = range[0] + (range[1] - range[0]) * i / 4;
        }
        return ticks;
    }

    private static float scale(double value, double[] range, float bottom, float top) {
        double clamped = Math.max(range[0], Math.min(range[1], value));
        return (float) (bottom + (clamped - range[0]) / (range[1] - range[0]) * (top - bottom));
    }

    private static float xScale(double value, double[] range, float left, float right) {
        double clamped = Math.max(range[0], Math.min(range[1], value));
        return (float) (left + (clamped - range[0]) / (range[1] - range[0]) * (right - left));
    }
}
