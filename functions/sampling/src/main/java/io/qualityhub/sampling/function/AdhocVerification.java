package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.AdhocInspections;
import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.domain.SamplingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a period's ad-hoc orders apart from its draw: each stored order is carried out again from what it was
 * decided with (its plan, roster and inspectors' loads, kept with it), the period's secret and the records as the
 * table holds them now, and compared with the tasks stored under it.
 */
public final class AdhocVerification {

  private final SampleStore tasks;
  private final AdhocOrderStore orders;
  private final PopulationReader population;
  private final PeriodSecrets secrets;

  public AdhocVerification(SampleStore tasks, AdhocOrderStore orders, PopulationReader population,
      PeriodSecrets secrets) {
    this.tasks = tasks;
    this.orders = orders;
    this.population = population;
    this.secrets = secrets;
  }

  /**
   * Each stored order of the period carried out again from what it was decided with (its plan, roster and loads,
   * the period's secret, the records as the table holds them now), against the tasks stored for it. Empty when every
   * order's tasks are exactly what the method gives.
   */
  public List<SampleDifference> verify(Period period) {
    List<InspectionTask> adhoc = tasks.tasks(period).stream().map(SampleStore.StoredTask::task)
        .filter(InspectionTask::isAdhoc).toList();
    List<SampleDifference> differences = new ArrayList<>();
    for (AdhocOrderRecord record : orders.orders(period)) {
      String orderId = record.order().orderId();
      Map<String, InspectionTask> expected = new TreeMap<>();
      recompute(record).forEach(task -> expected.put(task.taskId(), task));
      Map<String, InspectionTask> kept = new TreeMap<>();
      adhoc.stream().filter(task -> ofOrder(task, orderId)).forEach(task -> kept.put(task.taskId(), task));
      expected.forEach((id, task) -> {
        InspectionTask stored = kept.get(id);
        if (stored == null) {
          differences.add(new SampleDifference.AdhocTaskDiffers(orderId, task.record(), "missing"));
        } else if (!stored.assignment().equals(task.assignment())) {
          differences.add(new SampleDifference.AdhocTaskDiffers(orderId, task.record(), "reassigned"));
        }
      });
      kept.forEach((id, task) -> {
        if (!expected.containsKey(id)) {
          differences.add(new SampleDifference.AdhocTaskDiffers(orderId, task.record(), "added"));
        }
      });
    }
    return differences;
  }

  static boolean ofOrder(InspectionTask task, String orderId) {
    return task.isAdhoc() && task.adhoc().orderId().equals(orderId);
  }

  /** The order's tasks as the method gives them from its stored inputs. */
  List<InspectionTask> recompute(AdhocOrderRecord record) {
    AdhocOrder order = record.order();
    return assign(order, PlanSource.of(record),
        population.readBranch(order.period(), order.recordType(), order.branch(), order.count() > 0), record.roster(),
        record.alreadyAssigned());
  }

  /** The order's tasks under the period's secret, from the candidates, roster and loads given. */
  List<InspectionTask> assign(AdhocOrder order, SamplingPlan plan, Population candidates, Roster roster,
      Map<String, Integer> alreadyAssigned) {
    byte[] secret = secrets.secretFor(order.period());
    try {
      return new AdhocInspections(plan).tasks(order, candidates.units(), secret, roster, alreadyAssigned);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
