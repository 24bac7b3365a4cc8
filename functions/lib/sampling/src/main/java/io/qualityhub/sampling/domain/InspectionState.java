package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an inspection task stands: its result once inspected, the corrective action a fail opened, and, for a
 * double-scored task, the second inspector's result, which is kept for agreement figures and never decides the task.
 */
public record InspectionState(InspectionTask task, Optional<InspectionResult> result,
                              Optional<CorrectiveAction> action, Optional<InspectionResult> secondResult) {

    public InspectionState {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(secondResult, "secondResult");
    }

    /** A state without a second inspector's result. */
    public InspectionState(InspectionTask task, Optional<InspectionResult> result, Optional<CorrectiveAction> action) {
        this(task, result, action, Optional.empty());
    }

    public InspectionState withSecondResult(InspectionResult second) {
        return new InspectionState(task, result, action, Optional.of(second));
    }

    public InspectionState withAction(CorrectiveAction changed) {
        return new InspectionState(task, result, Optional.of(changed), secondResult);
    }

    public static InspectionState open(InspectionTask task) {
        return new InspectionState(task, Optional.empty(), Optional.empty());
    }

    public TaskStatus status() {
        return result.map(r -> r.verdict() == Verdict.PASS ? TaskStatus.PASSED : TaskStatus.FAILED)
                .orElse(TaskStatus.OPEN);
    }
}
