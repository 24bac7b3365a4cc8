package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Coverage, pass rates and population failure-rate estimates per stratum, and for any group of strata (a branch,
 * a record type, the company). See docs/sampling.md, "Estimating rates", for the formulas and their limits.
 */
public final class SampleStatistics {

    private SampleStatistics() {
    }

    /** @param verdicts inspection results by record; records of the sample without one are not yet inspected */
    public static List<StratumStatistics> perStratum(Sample sample, Map<RecordKey, Verdict> verdicts) {
        Map<Stratum, List<SelectedUnit>> byStratum = new LinkedHashMap<>();
        sample.strata().forEach(draw -> byStratum.put(draw.stratum(), new ArrayList<>()));
        for (SelectedUnit unit : sample.selected()) {
            byStratum.get(stratumOf(unit, byStratum)).add(unit);
        }
        List<StratumStatistics> statistics = new ArrayList<>();
        for (StratumDraw draw : sample.strata()) {
            InspectionStatistics figures = stratum(draw, byStratum.get(draw.stratum()), verdicts);
            statistics.add(new StratumStatistics(draw.stratum(), figures, DeviationLimit.of(draw, figures)));
        }
        return statistics;
    }

    /** Strata are drawn independently, so estimated counts and their variances add up. */
    public static InspectionStatistics combine(Collection<StratumStatistics> strata) {
        if (strata.isEmpty()) {
            throw new IllegalArgumentException("no strata to combine; a group needs at least one stratum");
        }
        int population = 0;
        int sampled = 0;
        int inspected = 0;
        int passed = 0;
        boolean census = true;
        boolean estimable = true;
        boolean varianceKnown = true;
        double failures = 0;
        double variance = 0;
        for (StratumStatistics stratum : strata) {
            InspectionStatistics s = stratum.statistics();
            population += s.populationSize();
            sampled += s.sampled();
            inspected += s.inspected();
            passed += s.passed();
            census &= s.census();
            if (s.failureRate().isEmpty()) {
                estimable = false;
            } else {
                failures += s.failureRate().get().estimatedFailures();
                OptionalDouble v = s.failureRate().get().failuresVariance();
                varianceKnown &= v.isPresent();
                variance += v.orElse(0);
            }
        }
        Optional<FailureRateEstimate> failureRate = estimable
                ? Optional.of(estimate(failures, varianceKnown ? OptionalDouble.of(variance) : OptionalDouble.empty(),
                population, inspected, census))
                : Optional.empty();
        return new InspectionStatistics(population, sampled, inspected, passed, census, passRate(passed, inspected),
                failureRate);
    }

    private static InspectionStatistics stratum(StratumDraw draw, List<SelectedUnit> units,
                                                Map<RecordKey, Verdict> verdicts) {
        int inspected = 0;
        int passed = 0;
        double failures = 0;
        List<double[]> randomPicks = new ArrayList<>();
        for (SelectedUnit unit : units) {
            Verdict verdict = verdicts.get(unit.record());
            if (verdict == null) {
                continue;
            }
            inspected++;
            double failed = verdict == Verdict.FAIL ? 1 : 0;
            passed += verdict == Verdict.PASS ? 1 : 0;
            failures += failed / unit.inclusionProbability();
            if (unit.inclusionProbability() < 1) {
                randomPicks.add(new double[]{failed, unit.inclusionProbability()});
            }
        }
        Optional<FailureRateEstimate> failureRate = inspected == units.size()
                ? Optional.of(estimate(failures, failuresVariance(randomPicks), draw.populationSize(), inspected,
                draw.census()))
                : Optional.empty();
        return new InspectionStatistics(draw.populationSize(), units.size(), inspected, passed, draw.census(),
                passRate(passed, inspected), failureRate);
    }

    /**
     * Hajek's approximate variance estimator for fixed-size, high-entropy designs such as Pareto pi-ps (Hajek 1964;
     * compared with others by Matei and Tille 2005): n/(n-1) * sum (1 - p_i) (y_i/p_i - A)^2 with
     * A = sum (1 - p_i) y_i/p_i / sum (1 - p_i), over the records picked at random; records taken with certainty
     * add no sampling error.
     */
    private static OptionalDouble failuresVariance(List<double[]> randomPicks) {
        int n = randomPicks.size();
        if (n == 0) {
            return OptionalDouble.of(0);
        }
        if (n == 1) {
            return OptionalDouble.empty();
        }
        double weightedSum = 0;
        double weights = 0;
        for (double[] pick : randomPicks) {
            weightedSum += (1 - pick[1]) * pick[0] / pick[1];
            weights += 1 - pick[1];
        }
        double centre = weightedSum / weights;
        double sum = 0;
        for (double[] pick : randomPicks) {
            double deviation = pick[0] / pick[1] - centre;
            sum += (1 - pick[1]) * deviation * deviation;
        }
        return OptionalDouble.of(n / (n - 1.0) * sum);
    }

    /**
     * The interval is Wilson's with the effective sample size n* = p(1-p) / Var(p) (Korn and Graubard 1998), never
     * more than the records inspected, and equal to them when p is 0 or 1 or the variance comes out 0.
     */
    private static FailureRateEstimate estimate(double failures, OptionalDouble variance, int population,
                                                int inspected, boolean census) {
        double rate = Math.min(1, failures / population);
        Optional<ProportionInterval> interval;
        if (census) {
            interval = Optional.of(new ProportionInterval(rate, rate, rate));
        } else if (variance.isEmpty()) {
            interval = Optional.empty();
        } else {
            double rateVariance = variance.getAsDouble() / ((double) population * population);
            double effective = rate > 0 && rate < 1 && rateVariance > 0
                    ? Math.min(inspected, rate * (1 - rate) / rateVariance)
                    : inspected;
            interval = Optional.of(ProportionInterval.wilson(rate, effective));
        }
        return new FailureRateEstimate(failures, rate, variance, interval);
    }

    private static Optional<ProportionInterval> passRate(int passed, int inspected) {
        return inspected == 0 ? Optional.empty() : Optional.of(ProportionInterval.wilson(passed, inspected));
    }

    private static Stratum stratumOf(SelectedUnit unit, Map<Stratum, List<SelectedUnit>> strata) {
        RecordKey record = unit.record();
        Stratum withLine = new Stratum(record.recordType(), record.branch(), unit.productLine());
        if (unit.productLine() != null && strata.containsKey(withLine)) {
            return withLine;
        }
        Stratum withoutLine = new Stratum(record.recordType(), record.branch(), null);
        if (strata.containsKey(withoutLine)) {
            return withoutLine;
        }
        throw new IllegalArgumentException("sample for " + record + " names no stratum it belongs to;"
                + " the stored sample is incomplete, verify it");
    }
}
