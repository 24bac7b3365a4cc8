package io.qualityhub.sampling.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Recomputes a period's sample and lists every way the stored one differs; an empty list means it checks out. */
public final class SampleVerifier {

    // Probabilities are recomputed bit for bit; the tolerance only absorbs a store that rounds the last digit.
    private static final double PROBABILITY_TOLERANCE = 1e-12;

    private final SamplingPlan plan;

    public SampleVerifier(SamplingPlan plan) {
        this.plan = plan;
    }

    public List<SampleDifference> verify(Sample stored, byte[] periodSecret, Collection<SamplingUnit> population,
                                         PriorIncidents incidents) {
        return compare(stored, new Sampler(plan).draw(stored.period(), periodSecret, population, incidents));
    }

    /**
     * Also checks who inspects each task: the recomputed draw's tasks are assigned again from the roster the period
     * was assigned from, and every stored task whose inspectors differ is listed. A period drawn before rosters
     * ({@link Roster#NONE}) has no assignment to check.
     *
     * @param storedTasks the period's stored tasks with their assignments; {@code stored} is their sample entries
     */
    public List<SampleDifference> verify(Sample stored, List<InspectionTask> storedTasks, Roster roster,
                                         byte[] periodSecret, Collection<SamplingUnit> population,
                                         PriorIncidents incidents) {
        Sample recomputed = new Sampler(plan).draw(stored.period(), periodSecret, population, incidents);
        List<SampleDifference> differences = compare(stored, recomputed);
        if (!roster.uploaded()) {
            return differences;
        }
        Map<String, Assignment> expected = new TreeMap<>();
        new InspectorAssigner(periodSecret).assign(InspectionTasks.fromSample(recomputed, plan), roster,
                plan.doubleScoringShare()).forEach(task -> expected.put(task.taskId(), task.assignment()));
        storedTasks.stream().sorted(java.util.Comparator.comparing(InspectionTask::record)).forEach(task -> {
            Assignment assigned = expected.get(task.taskId());
            if (assigned != null && !assigned.equals(task.assignment())) {
                differences.add(new SampleDifference.AssignmentDiffers(task.record(), task.assignment(), assigned));
            }
        });
        return differences;
    }

    private static List<SampleDifference> compare(Sample stored, Sample recomputed) {
        List<SampleDifference> differences = new ArrayList<>();
        if (!stored.planVersion().equals(recomputed.planVersion())) {
            differences.add(new SampleDifference.PlanVersionDiffers(stored.planVersion(), recomputed.planVersion()));
        }
        if (!stored.populationFingerprint().equals(recomputed.populationFingerprint())) {
            differences.add(new SampleDifference.PopulationDiffers(stored.populationFingerprint(),
                    recomputed.populationFingerprint()));
        }
        Map<RecordKey, SelectedUnit> storedUnits = byRecord(stored.selected());
        Map<RecordKey, SelectedUnit> expectedUnits = byRecord(recomputed.selected());
        TreeSet<RecordKey> records = new TreeSet<>(storedUnits.keySet());
        records.addAll(expectedUnits.keySet());
        for (RecordKey record : records) {
            SelectedUnit kept = storedUnits.get(record);
            SelectedUnit expected = expectedUnits.get(record);
            if (kept == null) {
                differences.add(new SampleDifference.MissingFromStored(record, expected.inclusionProbability()));
            } else if (expected == null) {
                differences.add(new SampleDifference.NotDrawn(record, kept.inclusionProbability()));
            } else {
                if (Math.abs(kept.inclusionProbability() - expected.inclusionProbability()) > PROBABILITY_TOLERANCE) {
                    differences.add(new SampleDifference.ProbabilityDiffers(record, kept.inclusionProbability(),
                            expected.inclusionProbability()));
                }
                if (!kept.reasons().equals(expected.reasons())) {
                    differences.add(new SampleDifference.ReasonsDiffer(record, kept.reasons(), expected.reasons()));
                }
            }
        }
        return differences;
    }

    private static Map<RecordKey, SelectedUnit> byRecord(List<SelectedUnit> units) {
        Map<RecordKey, SelectedUnit> map = new TreeMap<>();
        for (SelectedUnit unit : units) {
            map.put(unit.record(), unit);
        }
        return map;
    }
}
