package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gauges as of the latest monitor run of a period. The monitor's daily run writes a snapshot for every branch with
 * an open claim and none for a branch without one, so a branch with no reading from that run had nothing open then:
 * it reads 0 as of that day, not its last, stale level, nor "no data". Gauges that no monitor run writes (policies
 * in force) keep each branch's own latest reading, and a branch without one has none.
 */
public final class GaugeLevels {

    private GaugeLevels() {
    }

    /** The branches' tallies with each gauge read as of the latest run that wrote any branch's reading. */
    public static Map<String, BranchTallies> asOfLatestRun(Map<String, BranchTallies> byBranch) {
        Map<Gauge, LocalDate> latestRun = new EnumMap<>(Gauge.class);
        byBranch.values().forEach(tallies -> tallies.gauges().forEach((gauge, reading) -> {
            if (gauge.fromMonitorRun()) {
                latestRun.merge(gauge, reading.asOf(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }));
        if (latestRun.isEmpty()) {
            return byBranch;
        }
        Map<String, BranchTallies> settled = new TreeMap<>();
        byBranch.forEach((branch, tallies) -> {
            Map<Gauge, GaugeReading> gauges = new EnumMap<>(Gauge.class);
            gauges.putAll(tallies.gauges());
            latestRun.forEach((gauge, day) -> {
                GaugeReading reading = gauges.get(gauge);
                if (reading == null || reading.asOf().isBefore(day)) {
                    gauges.put(gauge, new GaugeReading(day, 0));
                }
            });
            settled.put(branch, new BranchTallies(tallies.counters(), tallies.claimCycleTimes(), gauges));
        });
        return settled;
    }
}
