package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.FrozenPopulation;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PopulationChanges;
import io.qualityhub.sampling.domain.PriorIncidents;
import io.qualityhub.sampling.domain.SamplingUnit;
import io.qualityhub.sampling.domain.Sample;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.domain.SampleVerifier;
import io.qualityhub.sampling.domain.SamplingPlan;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks a stored period against a fresh draw: the plan and roster kept in its header, the period's secret, the
 * population frozen at the draw ({@link FrozenPopulations}, its hash checked against the header's), and the stored
 * tasks (with their inspectors) as the sample. Records that arrived, left or changed since the draw are reported
 * apart: they cannot make the sample differ. A period drawn before populations were frozen is drawn again from the
 * population as the table holds it now.
 */
public final class SampleVerification {

  private final SampleStore store;
  private final PopulationReader population;
  private final PeriodSecrets secrets;
  private final FrozenPopulations frozenPopulations;

  public SampleVerification(SampleStore store, PopulationReader population, PeriodSecrets secrets,
      FrozenPopulations frozenPopulations) {
    this.store = store;
    this.population = population;
    this.secrets = secrets;
    this.frozenPopulations = frozenPopulations;
  }

  /**
   * What verification found.
   *
   * @param differences every way the stored sample, or its frozen population, is not what the draw gives; empty
   *                    when it checks out
   * @param changes     how the population stored now differs from the frozen one; empty when there is no frozen
   *                    population to compare with (drawn before they were kept, or not readable)
   */
  public record Result(List<SampleDifference> differences, Optional<PopulationChanges> changes) {
    public Result {
      differences = List.copyOf(differences);
    }
  }

  /** @throws NoStoredSampleException when the period was never drawn */
  public List<SampleDifference> verify(Period period) {
    return check(period).differences();
  }

  /** @throws NoStoredSampleException when the period was never drawn */
  public Result check(Period period) {
    SampleHeader header = store.header(period).orElseThrow(() -> new NoStoredSampleException(period, store.table()));
    SamplingPlan plan = PlanSource.of(header);
    Population now = population.read(period, plan.recordTypesSampled(period.type()));
    if (header.frozenPopulation().isEmpty()) {
      return new Result(redraw(header, plan, now.units(), now.incidents()), Optional.empty());
    }
    FrozenPopulationReference reference = header.frozenPopulation().get();
    Optional<FrozenPopulations.Stored> stored = frozenPopulations.read(reference.key());
    if (stored.isEmpty()) {
      return mismatch(reference, "is missing: the sample names it, yet the bucket holds no object there; the version"
          + " drawn from (" + reference.versionId() + ") is under Object Lock, so look for a delete marker");
    }
    String sha256 = FrozenPopulation.sha256(stored.get().bytes());
    if (!sha256.equals(reference.sha256())) {
      return mismatch(reference, "does not match the sample: version " + stored.get().versionId() + " has SHA-256 "
          + sha256 + ", the sample recorded " + reference.sha256() + " for version " + reference.versionId()
          + "; it was replaced after the draw, and the version drawn from is kept under Object Lock");
    }
    FrozenPopulation frozen;
    try {
      frozen = FrozenPopulation.decode(stored.get().bytes());
    } catch (FrozenPopulation.FrozenPopulationException unreadable) {
      return mismatch(reference, "matches its hash but " + unreadable.getMessage().replace("the frozen population ",
          "") + "; it was written by another version of QualityHub");
    }
    return new Result(redraw(header, plan, frozen.units(), frozen.incidents()),
        Optional.of(PopulationChanges.between(plan, frozen.units(), now.units())));
  }

  private static Result mismatch(FrozenPopulationReference reference, String what) {
    return new Result(List.of(new SampleDifference.FrozenPopulationDiffers(reference.key(), what)), Optional.empty());
  }

  private List<SampleDifference> redraw(SampleHeader header, SamplingPlan plan, Collection<SamplingUnit> units,
      PriorIncidents incidents) {
    Period period = header.period();
    // Ad-hoc tasks were ordered, not drawn: the draw cannot reproduce them, and they are checked apart.
    List<InspectionTask> tasks = store.tasks(period).stream().map(SampleStore.StoredTask::task)
        .filter(task -> !task.isAdhoc()).toList();
    Sample stored = new Sample(period, header.planVersion(), header.populationFingerprint(), List.of(),
        tasks.stream().map(InspectionTask::toSelectedUnit).toList());
    byte[] secret = secrets.secretFor(period);
    try {
      return new SampleVerifier(plan).verify(stored, tasks, header.roster(), secret, units, incidents);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
