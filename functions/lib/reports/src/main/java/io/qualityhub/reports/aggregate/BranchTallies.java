package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.Complexity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Everything the indicators need about one branch over some set of files: additive counters,
 * cycle-time histograms by claim complexity, and gauge readings. {@link #merge} is associative and
 * commutative with {@link #empty()} as identity, so any grouping of files gives the same result.
 */
public record BranchTallies(Map<CounterKey, Long> counters,
                            Map<Complexity, DurationHistogram> claimCycleTimes,
                            Map<Gauge, GaugeReading> gauges) {

    private static final BranchTallies EMPTY = new BranchTallies(Map.of(), Map.of(), Map.of());

    public BranchTallies {
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(claimCycleTimes, "claimCycleTimes");
        Objects.requireNonNull(gauges, "gauges");
        Map<CounterKey, Long> nonZero = new HashMap<>();
        counters.forEach((key, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException("counter " + key + " cannot be negative: " + value);
            }
            if (value != 0) {
                nonZero.put(key, value);
            }
        });
        counters = Map.copyOf(nonZero);
        Map<Complexity, DurationHistogram> nonEmpty = new EnumMap<>(Complexity.class);
        claimCycleTimes.forEach((complexity, histogram) -> {
            if (histogram.count() > 0) {
                nonEmpty.put(complexity, histogram);
            }
        });
        claimCycleTimes = Map.copyOf(nonEmpty);
        gauges = Map.copyOf(gauges);
    }

    public static BranchTallies empty() {
        return EMPTY;
    }

    public BranchTallies merge(BranchTallies other) {
        Map<CounterKey, Long> sum = new HashMap<>(counters);
        other.counters.forEach((key, value) -> sum.merge(key, value, Long::sum));
        Map<Complexity, DurationHistogram> histograms = new EnumMap<>(Complexity.class);
        histograms.putAll(claimCycleTimes);
        other.claimCycleTimes.forEach((key, value) -> histograms.merge(key, value, DurationHistogram::merge));
        Map<Gauge, GaugeReading> levels = new EnumMap<>(Gauge.class);
        levels.putAll(gauges);
        other.gauges.forEach((key, value) -> levels.merge(key, value, GaugeReading::latest));
        return new BranchTallies(sum, histograms, levels);
    }

    public long count(Counter counter) {
        return counters.getOrDefault(CounterKey.of(counter), 0L);
    }

    public long count(Counter counter, String dimension) {
        return counters.getOrDefault(CounterKey.of(counter, dimension), 0L);
    }

    /** Sum of a dimensioned counter over the dimension values that match. */
    public long sum(Counter counter, Predicate<String> dimensionMatches) {
        long total = 0;
        for (Map.Entry<CounterKey, Long> entry : counters.entrySet()) {
            if (entry.getKey().counter() == counter && dimensionMatches.test(entry.getKey().dimension())) {
                total += entry.getValue();
            }
        }
        return total;
    }

    public DurationHistogram cycleTimes(Complexity complexity) {
        return claimCycleTimes.getOrDefault(complexity, DurationHistogram.empty());
    }

    /** The gauge's latest reading, or null when no snapshot covered this branch. */
    public GaugeReading gauge(Gauge gauge) {
        return gauges.get(gauge);
    }
}
