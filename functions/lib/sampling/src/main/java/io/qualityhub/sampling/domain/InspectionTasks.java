package io.qualityhub.sampling.domain;

import java.util.List;

/** Turns a sample into inspection tasks, due a plan-set number of days after the period ends. */
public final class InspectionTasks {

    private InspectionTasks() {
    }

    /** @param plan the plan that drew the sample (same version) */
    public static List<InspectionTask> fromSample(Sample sample, SamplingPlan plan) {
        if (!sample.planVersion().equals(plan.version())) {
            throw new IllegalArgumentException("sample for " + sample.period() + " was drawn under plan "
                    + sample.planVersion() + "; create its tasks with that plan, not " + plan.version());
        }
        return sample.selected().stream().map(unit -> {
            RecordTypePlan typePlan = plan.forType(unit.record().recordType()).orElseThrow(() ->
                    new IllegalArgumentException("plan " + plan.version() + " has no entry for "
                            + unit.record().recordType() + ", yet the sample holds " + unit.record()));
            return new InspectionTask(InspectionTask.idFor(sample.period(), unit.record()), sample.period(),
                    unit.record(), unit.productLine(), typePlan.team(), unit.reasons(), unit.inclusionProbability(),
                    sample.period().end().plusDays(typePlan.inspectionDueDays()), Assignment.UNASSIGNED);
        }).toList();
    }
}
