package io.qualityhub.sampling.domain;

/** Which part of the plan set a stratum's sample size. */
public enum SizingRule {
    /** The stratum is no larger than its minimum, so every record is inspected. */
    CENSUS("census"),
    /** The attribute-sampling minimum for the plan's confidence and deviation rates. */
    ASSURANCE("assurance"),
    /** The plan's fixed minimum per stratum (plans without an assurance). */
    MINIMUM("minimum"),
    /** The base rate times the stratum's size, above the minimum. */
    BASE_RATE("base rate"),
    /** The maximum per stratum, which capped the base rate. */
    MAXIMUM("maximum");

    private final String label;

    SizingRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
