package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import io.qualityhub.core.format.FindingSeverity;
import java.time.LocalDate;
import java.util.Objects;

/** @param severity the finding's severity on a fail, {@code null} on a pass */
public record InspectionResult(String inspectorId, LocalDate inspectedOn, Verdict verdict, FindingSeverity severity) {

    public InspectionResult {
        Objects.requireNonNull(inspectorId, "inspectorId");
        Objects.requireNonNull(inspectedOn, "inspectedOn");
        Objects.requireNonNull(verdict, "verdict");
    }
}
