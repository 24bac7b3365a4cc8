package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Objects;

/**
 * The records picked for inspection in one period, for every record type the plan samples at that period's
 * frequency. Strata and selected records are in canonical order (type, branch, product line, record id), so two
 * draws of the same population compare equal.
 *
 * @param populationFingerprint SHA-256 of the population and prior incidents the sample was drawn from; a verifier
 *                              that gets a different one is looking at a changed population, not a changed sample
 */
public record Sample(Period period, String planVersion, String populationFingerprint, List<StratumDraw> strata,
                     List<SelectedUnit> selected) {

    public Sample {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(planVersion, "planVersion");
        Objects.requireNonNull(populationFingerprint, "populationFingerprint");
        strata = List.copyOf(strata);
        selected = List.copyOf(selected);
    }
}
