package io.qualityhub.sampling.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a period's population as stored now differs from the one frozen at the draw: records that entered the period
 * after it (late uploads, or a correction that moved a record's date into the period), records that left it, and
 * records still in it whose sampled columns changed. Counted per stratum. None of this makes a sample wrong: the draw
 * is repeated from the frozen population; this tells the auditor what the sample could not have seen.
 */
public record PopulationChanges(SortedMap<Stratum, Integer> arrived, SortedMap<Stratum, Integer> left,
                                SortedMap<Stratum, Integer> changed) {

    public PopulationChanges {
        arrived = new TreeMap<>(arrived);
        left = new TreeMap<>(left);
        changed = new TreeMap<>(changed);
    }

    public static PopulationChanges between(SamplingPlan plan, Collection<SamplingUnit> frozen,
                                            Collection<SamplingUnit> now) {
        Sampler strata = new Sampler(plan);
        Map<RecordKey, SamplingUnit> before = byKey(frozen);
        Map<RecordKey, SamplingUnit> after = byKey(now);
        SortedMap<Stratum, Integer> arrived = new TreeMap<>();
        SortedMap<Stratum, Integer> left = new TreeMap<>();
        SortedMap<Stratum, Integer> changed = new TreeMap<>();
        after.forEach((key, unit) -> {
            SamplingUnit was = before.get(key);
            if (was == null) {
                count(arrived, strata, unit);
            } else if (!Objects.equals(was, unit)) {
                count(changed, strata, unit);
            }
        });
        before.forEach((key, unit) -> {
            if (!after.containsKey(key)) {
                count(left, strata, unit);
            }
        });
        return new PopulationChanges(arrived, left, changed);
    }

    public int arrivals() {
        return total(arrived);
    }

    public int departures() {
        return total(left);
    }

    public int changes() {
        return total(changed);
    }

    private static void count(SortedMap<Stratum, Integer> counts, Sampler strata, SamplingUnit unit) {
        Stratum stratum = strata.stratumOf(unit).orElseGet(() -> new Stratum(unit.recordType(), unit.branch(), null));
        counts.merge(stratum, 1, Integer::sum);
    }

    private static Map<RecordKey, SamplingUnit> byKey(Collection<SamplingUnit> units) {
        Map<RecordKey, SamplingUnit> map = new TreeMap<>();
        units.forEach(unit -> map.put(unit.key(), unit));
        return map;
    }

    private static int total(Map<Stratum, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
