package io.qualityhub.sampling.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws a period's inspection sample: in each stratum, a fixed number of records by Pareto pi-ps order sampling
 * (Rosen 1997) with keyed random numbers. Record i gets target inclusion probability pi_i proportional to its risk
 * weight ({@link InclusionProbabilities}) and random number u_i ({@link KeyedRandom}); the n records with the
 * smallest ranking key (u_i / (1 - u_i)) / (pi_i / (1 - pi_i)) are picked. Records with pi_i = 1 rank first.
 * See docs/sampling.md for why this is unpredictable, reproducible and unbiased enough to estimate rates.
 */
public final class Sampler {

    private final SamplingPlan plan;

    public Sampler(SamplingPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * @param population  every record of the period of the types the plan samples at this period's frequency, each
     *                    once in its latest state
     * @param periodSecret at least 32 secret random bytes for this period; only read, never kept or printed
     * @throws SamplingInputException when a record cannot be sampled in this period (the message says why)
     */
    public Sample draw(Period period, byte[] periodSecret, Collection<SamplingUnit> population,
                       PriorIncidents known) {
        PriorIncidents incidents = weighed(known);
        KeyedRandom random = new KeyedRandom(periodSecret);
        List<Keyed> sorted = population.stream().map(unit -> new Keyed(unit.key(), unit))
                .sorted(Comparator.comparing(Keyed::key)).toList();
        Map<Stratum, List<Keyed>> strata = stratify(period, sorted);
        List<StratumDraw> draws = new ArrayList<>();
        List<SelectedUnit> selected = new ArrayList<>();
        for (Map.Entry<Stratum, List<Keyed>> stratum : strata.entrySet()) {
            RecordTypePlan typePlan = plan.forType(stratum.getKey().recordType()).orElseThrow();
            RecordTypePlan.StratumSize size = typePlan.sizeFor(stratum.getValue().size());
            List<SelectedUnit> picked = drawStratum(typePlan, size.size(), stratum.getValue(), random, incidents);
            draws.add(new StratumDraw(stratum.getKey(), stratum.getValue().size(), picked.size(), size.sizing()));
            selected.addAll(picked);
        }
        String fingerprint = PopulationFingerprint.of(sorted.stream().map(Keyed::unit).toList(), incidents);
        return new Sample(period, plan.version(), fingerprint, draws, selected);
    }

    /**
     * Each record's stratum and risk weight as {@link #draw} gives them, in record order: what an auditor reads in a
     * frozen population ({@link FrozenPopulation}) beside the records themselves.
     */
    public List<WeighedUnit> weigh(Period period, Collection<SamplingUnit> population, PriorIncidents known) {
        PriorIncidents incidents = weighed(known);
        List<Keyed> sorted = population.stream().map(unit -> new Keyed(unit.key(), unit))
                .sorted(Comparator.comparing(Keyed::key)).toList();
        List<WeighedUnit> weighed = new ArrayList<>(sorted.size());
        for (Map.Entry<Stratum, List<Keyed>> stratum : stratify(period, sorted).entrySet()) {
            RecordTypePlan typePlan = plan.forType(stratum.getKey().recordType()).orElseThrow();
            RiskScorer scorer = RiskScorer.forStratum(typePlan, stratum.getValue().stream().map(Keyed::unit).toList(),
                    incidents);
            for (Keyed keyed : stratum.getValue()) {
                weighed.add(new WeighedUnit(keyed.unit(), stratum.getKey(), scorer.score(keyed.unit()).weight()));
            }
        }
        weighed.sort(Comparator.comparing(unit -> unit.unit().key()));
        return weighed;
    }

    /** A record with the stratum it is drawn in and its risk weight there. */
    public record WeighedUnit(SamplingUnit unit, Stratum stratum, double weight) {
    }

    /**
     * The stratum a record falls in under this plan: branch x type, and product line when the plan stratifies the type
     * by it ({@code null} product line then when the record has none). Empty for a type the plan does not sample.
     */
    public java.util.Optional<Stratum> stratumOf(SamplingUnit unit) {
        return plan.forType(unit.recordType()).map(typePlan -> stratum(typePlan, unit));
    }

    private static Stratum stratum(RecordTypePlan typePlan, SamplingUnit unit) {
        return new Stratum(unit.recordType(), unit.branch(),
                typePlan.stratifyByProductLine() ? unit.productLine() : null);
    }

    private PriorIncidents weighed(PriorIncidents known) {
        return plan.weighsRepeatViolators() ? known : known.withoutRepeatViolators();
    }

    /** A unit with its key built once: keys are compared and hashed many times per record. */
    private record Keyed(RecordKey key, SamplingUnit unit) {
    }

    private Map<Stratum, List<Keyed>> stratify(Period period, List<Keyed> sorted) {
        Map<Stratum, List<Keyed>> strata = new TreeMap<>();
        Set<RecordKey> seen = new HashSet<>();
        for (Keyed keyed : sorted) {
            SamplingUnit unit = keyed.unit();
            RecordTypePlan typePlan = plan.forType(unit.recordType()).orElseThrow(() -> new SamplingInputException(
                    "record " + keyed.key() + " is of a type the sampling plan " + plan.version()
                            + " does not sample; leave " + unit.recordType() + " records out of the population"));
            if (typePlan.period() != period.type()) {
                throw new SamplingInputException("record " + keyed.key() + " is sampled "
                        + typePlan.period().planName() + " under plan " + plan.version() + ", not in " + period
                        + "; give each period only the record types sampled at its frequency");
            }
            if (!seen.add(keyed.key())) {
                throw new SamplingInputException("record " + keyed.key() + " appears more than once in the"
                        + " population; pass each record once, in its latest state");
            }
            if (typePlan.stratifyByProductLine() && unit.productLine() == null) {
                throw new SamplingInputException("record " + keyed.key() + " has no product line, which the plan"
                        + " stratifies " + unit.recordType() + " by; pass the record's product_line");
            }
            Stratum stratum = stratum(typePlan, unit);
            strata.computeIfAbsent(stratum, key -> new ArrayList<>()).add(keyed);
        }
        return strata;
    }

    private static List<SelectedUnit> drawStratum(RecordTypePlan typePlan, int sampleSize, List<Keyed> units,
                                                  KeyedRandom random,
                                                  PriorIncidents incidents) {
        RiskScorer scorer = RiskScorer.forStratum(typePlan, units.stream().map(Keyed::unit).toList(), incidents);
        int size = units.size();
        RiskScore[] scores = new RiskScore[size];
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            scores[i] = scorer.score(units.get(i).unit());
            weights[i] = scores[i].weight();
        }
        double[] probabilities = InclusionProbabilities.proportionalToWeight(weights, sampleSize);
        double[] rankingKeys = new double[size];
        for (int i = 0; i < size; i++) {
            double u = random.uniform(units.get(i).key());
            double p = probabilities[i];
            rankingKeys[i] = p == 1 ? 0 : (u * (1 - p)) / ((1 - u) * p);
        }
        // The n smallest keys: everything below the n-th smallest, then ties at it in record order (ties are next
        // to impossible with 53-bit random numbers, except the zeros of records taken with certainty).
        double[] sortedKeys = rankingKeys.clone();
        Arrays.sort(sortedKeys);
        double cutoff = sortedKeys[sampleSize - 1];
        int tiesToTake = sampleSize;
        for (double key : rankingKeys) {
            tiesToTake -= key < cutoff ? 1 : 0;
        }
        List<SelectedUnit> selected = new ArrayList<>(sampleSize);
        for (int i = 0; i < size; i++) {
            boolean picked = rankingKeys[i] < cutoff || (rankingKeys[i] == cutoff && tiesToTake-- > 0);
            if (picked) {
                Keyed keyed = units.get(i);
                selected.add(new SelectedUnit(keyed.key(), keyed.unit().productLine(), probabilities[i],
                        scores[i].reasons()));
            }
        }
        return selected;
    }
}
