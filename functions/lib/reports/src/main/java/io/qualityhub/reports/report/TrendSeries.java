package io.qualityhub.reports.report;

import io.qualityhub.reports.indicator.Unit;

import java.util.List;

/** One indicator's value over consecutive periods, oldest first, for the trend chart. */
public record TrendSeries(String indicatorId, String nameEn, String nameZh, Unit unit, List<Point> points) {

    public TrendSeries {
        points = List.copyOf(points);
    }

    /** @param value null when that period had nothing to measure */
    public record Point(String periodLabel, Double value) {
    }
}
