package io.qualityhub.reports.report;

import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Unit;

import java.util.List;

/** One indicator across branches (or a branch against the company), for the bar chart. */
public record Comparison(String indicatorId, String nameEn, String nameZh, Unit unit, Double target, List<Bar> bars) {

    public Comparison {
        bars = List.copyOf(bars);
    }

    public record Bar(String label, Double value, RagStatus status) {
    }
}
