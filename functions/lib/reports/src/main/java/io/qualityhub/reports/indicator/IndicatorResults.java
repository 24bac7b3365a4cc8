package io.qualityhub.reports.indicator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Indicators of one period for the whole company and for each branch (branches in code order). */
public record IndicatorResults(List<Indicator> company, Map<String, List<Indicator>> byBranch) {

    public IndicatorResults {
        company = List.copyOf(company);
        byBranch = Collections.unmodifiableMap(new TreeMap<>(byBranch));
    }

    public static Optional<Indicator> find(List<Indicator> indicators, String id) {
        return indicators.stream().filter(indicator -> indicator.id().equals(id)).findFirst();
    }
}
