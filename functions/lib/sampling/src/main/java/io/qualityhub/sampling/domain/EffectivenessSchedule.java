package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When effectiveness checks fall due, for the rows of one findings file: an action reported done on day D (the row's
 * {@code action_closed_on}, or without one the file's business date) has its check due by D plus the plan's
 * {@code effectivenessCheckDays} for the inspected record type (30 when the plan does not sample that type).
 *
 * @param reportedOn the findings file's business date
 * @param plan       the sampling plan in force
 */
public record EffectivenessSchedule(LocalDate reportedOn, SamplingPlan plan) {

    public EffectivenessSchedule {
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(plan, "plan");
    }

    public LocalDate doneOn(FindingRow row) {
        return row.actionClosedOn() != null ? row.actionClosedOn() : reportedOn;
    }

    /** The {@code round}-th check of the action of {@code task}, done on {@code doneOn}, not yet carried out. */
    public EffectivenessCheck check(InspectionTask task, int round, LocalDate doneOn) {
        int days = plan.forType(task.recordType()).map(RecordTypePlan::effectivenessCheckDays)
                .orElse(RecordTypePlan.DEFAULT_EFFECTIVENESS_CHECK_DAYS);
        return new EffectivenessCheck(EffectivenessCheck.idFor(task.taskId(), round), doneOn, doneOn.plusDays(days),
                Optional.empty());
    }
}
