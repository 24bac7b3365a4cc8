package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.StratumDraw;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is stored about a drawn period besides its tasks: enough to verify it later with the exact plan that drew it.
 *
 * @param planJson         the packaged plan the period was drawn under
 * @param planOverrideJson the deployment's override merged over it, or {@code null}
 * @param strata           each stratum's population, sample size and how that size came about; empty for periods
 *                         drawn before sizes were recorded
 * @param roster           the inspector roster the tasks were assigned from, kept so reruns and {@code sample
 *                         verify} assign from the same one; {@link Roster#NONE} for periods drawn before rosters
 * @param frozenPopulation where the population drawn from was frozen, and its hash; empty for periods drawn before
 *                         populations were kept (those are verified against the population as stored now)
 */
public record SampleHeader(Period period, String planVersion, String populationFingerprint, int populationSize,
    int selectedCount, String planJson, String planOverrideJson, List<StratumDraw> strata, Roster roster,
    Optional<FrozenPopulationReference> frozenPopulation) {

  /** A header of a period drawn before populations were frozen. */
  public SampleHeader(Period period, String planVersion, String populationFingerprint, int populationSize,
      int selectedCount, String planJson, String planOverrideJson, List<StratumDraw> strata, Roster roster) {
    this(period, planVersion, populationFingerprint, populationSize, selectedCount, planJson, planOverrideJson,
        strata, roster, Optional.empty());
  }

  public SampleHeader {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(planVersion, "planVersion");
    Objects.requireNonNull(populationFingerprint, "populationFingerprint");
    Objects.requireNonNull(planJson, "planJson");
    strata = List.copyOf(strata);
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(frozenPopulation, "frozenPopulation");
  }
}
