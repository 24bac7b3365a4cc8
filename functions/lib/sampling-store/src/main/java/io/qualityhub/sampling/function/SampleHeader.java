package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.StratumDraw;
import java.util.List;
import java.util.Objects;

/**
 * What is stored about a drawn period besides its tasks: enough to verify it later with the exact plan that drew it.
 *
 * @param planJson         the packaged plan the period was drawn under
 * @param planOverrideJson the deployment's override merged over it, or {@code null}
 * @param strata           each stratum's population, sample size and how that size came about; empty for periods
 *                         drawn before sizes were recorded
 * @param roster           the inspector roster the tasks were assigned from, kept so reruns and {@code sample
 *                         verify} assign from the same one; {@link Roster#NONE} for periods drawn before rosters
 */
public record SampleHeader(Period period, String planVersion, String populationFingerprint, int populationSize,
    int selectedCount, String planJson, String planOverrideJson, List<StratumDraw> strata, Roster roster) {

  public SampleHeader {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(planVersion, "planVersion");
    Objects.requireNonNull(populationFingerprint, "populationFingerprint");
    Objects.requireNonNull(planJson, "planJson");
    strata = List.copyOf(strata);
    Objects.requireNonNull(roster, "roster");
  }
}
