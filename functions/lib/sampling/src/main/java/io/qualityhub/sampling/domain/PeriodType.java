package io.qualityhub.sampling.domain;

import java.util.Arrays;
import java.util.Optional;

/** How often a record type is sampled; the plan file spells these {@code weekly} and {@code monthly}. */
public enum PeriodType {
    WEEKLY("weekly"),
    MONTHLY("monthly");

    private final String planName;

    PeriodType(String planName) {
        this.planName = planName;
    }

    public String planName() {
        return planName;
    }

    public static Optional<PeriodType> fromPlanName(String name) {
        return Arrays.stream(values()).filter(type -> type.planName.equals(name)).findFirst();
    }
}
