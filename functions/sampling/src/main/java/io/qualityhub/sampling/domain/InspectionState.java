package io.qualityhub.sampling.domain;

import java.util.Objects;
import java.util.Optional;

/** Where an inspection task stands: its result once inspected, and the corrective action a fail opened. */
public record InspectionState(InspectionTask task, Optional<InspectionResult> result,
                              Optional<CorrectiveAction> action) {

    public InspectionState {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(action, "action");
    }

    public static InspectionState open(InspectionTask task) {
        return new InspectionState(task, Optional.empty(), Optional.empty());
    }

    public TaskStatus status() {
        return result.map(r -> r.verdict() == Verdict.PASS ? TaskStatus.PASSED : TaskStatus.FAILED)
                .orElse(TaskStatus.OPEN);
    }
}
