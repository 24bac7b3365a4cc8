package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.FrozenPopulation;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.InspectionTasks;
import io.qualityhub.sampling.domain.InspectorAssigner;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.sampling.domain.RepeatViolators;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.Sample;
import io.qualityhub.sampling.domain.Sampler;
import io.qualityhub.sampling.domain.SamplingPlan;
import io.qualityhub.sampling.domain.StratumDraw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Draws a period once, assigns its tasks to inspectors from the latest roster ({@link InspectorAssigner}) and
 * issues them; tasks no eligible inspector could take are reported to {@link AssignmentAlerts}. The population drawn
 * from is frozen ({@link FrozenPopulations}), then the header, naming it, is stored and commits the draw: a rerun draws again
 * under the header's plan, and adds missing tasks only if the population is exactly the one drawn from (a run that
 * stopped half way); if records changed since, the stored sample stands. Then every stored task not yet sent goes
 * to the inspection queue, and the team task lists are rewritten from the store. So a rerun adds no task and sends
 * no message twice (short of a crash between a send and its mark, when SQS's at-least-once applies).
 */
public final class PeriodSampling {

  private final PlanSource plans;
  private final PopulationReader population;
  private final PeriodSecrets secrets;
  private final SampleStore store;
  private final FrozenPopulations frozenPopulations;
  private final InspectionQueue queue;
  private final TaskLists taskLists;
  private final AssignmentAlerts alerts;
  private final RepeatViolatorAlerts repeatViolatorAlerts;

  /**
   * @param frozenPopulations where each period's population is frozen at its draw
   * @param repeatViolatorAlerts told of a month's repeat violators, after their list is written
   */
  public PeriodSampling(PlanSource plans, PopulationReader population, PeriodSecrets secrets, SampleStore store,
      FrozenPopulations frozenPopulations, InspectionQueue queue, TaskLists taskLists, AssignmentAlerts alerts,
      RepeatViolatorAlerts repeatViolatorAlerts) {
    this.plans = plans;
    this.population = population;
    this.secrets = secrets;
    this.store = store;
    this.frozenPopulations = frozenPopulations;
    this.queue = queue;
    this.taskLists = taskLists;
    this.alerts = alerts;
    this.repeatViolatorAlerts = repeatViolatorAlerts;
  }

  public SamplingOutcome run(Period period) {
    Optional<SampleHeader> existing = store.header(period);
    SamplingPlan plan = existing.map(PlanSource::of).orElseGet(plans::current);
    Population records = population.read(period, plan.recordTypesSampled(period.type()));
    Roster roster = existing.map(SampleHeader::roster).orElse(records.roster());
    byte[] secret = secrets.secretFor(period);
    Sample sample;
    List<InspectionTask> drawn;
    try {
      sample = new Sampler(plan).draw(period, secret, records.units(), records.incidents());
      drawn = new InspectorAssigner(secret).assign(InspectionTasks.fromSample(sample, plan), roster,
          plan.doubleScoringShare());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    boolean populationChanged = existing.isPresent()
        && !existing.get().populationFingerprint().equals(sample.populationFingerprint());
    if (existing.isEmpty()) {
      // Frozen before the header commits the draw: a header never names a population that was not stored.
      FrozenPopulationReference frozen = frozenPopulations.put(period, FrozenPopulation.encode(period,
          plan.version(), sample.populationFingerprint(), new Sampler(plan).weigh(period, records.units(),
              records.incidents()), records.incidents()));
      store.putHeaderIfAbsent(new SampleHeader(period, plan.version(), sample.populationFingerprint(),
          records.units().size(), sample.selected().size(), plans.packagedJsonText(), plans.overrideJsonText(),
          sample.strata(), roster, Optional.of(frozen)));
    }
    int created = 0;
    List<InspectionTask> newlyUnassigned = new ArrayList<>();
    if (!populationChanged) {
      for (InspectionTask task : drawn) {
        if (store.putTaskIfAbsent(task)) {
          created++;
          if (!task.assignment().assigned()) {
            newlyUnassigned.add(task);
          }
        }
      }
    }
    if (!newlyUnassigned.isEmpty()) {
      alerts.unassigned(period, roster, newlyUnassigned);
    }
    int sent = 0;
    List<InspectionTask> tasks = new ArrayList<>();
    for (SampleStore.StoredTask stored : store.tasks(period)) {
      if (!stored.queued()) {
        queue.send(stored.task());
        store.markQueued(stored.task());
        sent++;
      }
      tasks.add(stored.task());
    }
    List<String> lists = new ArrayList<>(taskLists.write(period, tasks));
    if (period.type() == PeriodType.MONTHLY) {
      // Monthly, with the month's draw: who violated again and again as of its last day (policy III.4.3).
      String key = taskLists.writeRepeatViolators(period, RepeatViolators.csv(period.end(), records.repeatViolators()));
      lists.add(key);
      store.putRepeatViolators(period, period.end(), records.repeatViolators());
      if (!records.repeatViolators().isEmpty()) {
        repeatViolatorAlerts.flagged(period, records.repeatViolators(), key);
      }
    }
    List<StratumDraw> strata = existing.map(SampleHeader::strata).orElse(sample.strata());
    return new SamplingOutcome(period, plan.version(), records.units().size(), records.itemsRead(), strata, tasks,
        created, sent, lists, existing.isPresent(), populationChanged, records.repeatViolators());
  }
}
