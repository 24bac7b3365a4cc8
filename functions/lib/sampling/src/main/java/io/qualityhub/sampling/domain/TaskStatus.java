package io.qualityhub.sampling.domain;

/** An inspection task is open until a finding records its result; either result closes the task itself. */
public enum TaskStatus {
    OPEN,
    PASSED,
    FAILED
}
