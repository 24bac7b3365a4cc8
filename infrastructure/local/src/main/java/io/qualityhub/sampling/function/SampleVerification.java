package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Sample;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.domain.SampleVerifier;
import io.qualityhub.sampling.domain.SamplingPlan;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a stored period against a fresh draw: the plan and roster kept in its header, the period's secret, the
 * population as the table holds it now, and the stored tasks (with their inspectors) as the sample. An empty list means the stored sample is exactly what
 * the method produces.
 */
public final class SampleVerification {

  private final SampleStore store;
  private final PopulationReader population;
  private final PeriodSecrets secrets;

  public SampleVerification(SampleStore store, PopulationReader population, PeriodSecrets secrets) {
    this.store = store;
    this.population = population;
    this.secrets = secrets;
  }

  /** @throws NoStoredSampleException when the period was never drawn */
  public List<SampleDifference> verify(Period period) {
    SampleHeader header = store.header(period).orElseThrow(() -> new NoStoredSampleException(period, store.table()));
    SamplingPlan plan = PlanSource.of(header);
    Population records = population.read(period, plan.recordTypesSampled(period.type()));
    // Ad-hoc tasks were ordered, not drawn: the draw cannot reproduce them, and they are checked apart.
    List<InspectionTask> tasks = store.tasks(period).stream().map(SampleStore.StoredTask::task)
        .filter(task -> !task.isAdhoc()).toList();
    Sample stored = new Sample(period, header.planVersion(), header.populationFingerprint(), List.of(),
        tasks.stream().map(InspectionTask::toSelectedUnit).toList());
    byte[] secret = secrets.secretFor(period);
    try {
      return new SampleVerifier(plan).verify(stored, tasks, header.roster(), secret, records.units(),
          records.incidents());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
