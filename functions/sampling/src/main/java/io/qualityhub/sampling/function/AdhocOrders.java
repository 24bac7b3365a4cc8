package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.AdhocOrder;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SamplingPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Carries out ad-hoc inspection orders ({@code ./qualityhub sample adhoc}). An order picks or takes its records
 * ({@link io.qualityhub.sampling.domain.AdhocInspections}), assigns them from the latest roster, balanced with what inspectors already
 * hold in the period, and is stored with everything it was decided from before its tasks are: the same order again
 * finds it stored and only completes what a stopped run left (missing tasks, unsent messages), from the stored
 * roster and loads. Its tasks join the period's task lists and the inspection queue, marked ad hoc; the draw's
 * statistics and {@code sample verify}'s comparison of the draw leave them out, and {@link AdhocVerification} checks
 * them apart.
 */
public final class AdhocOrders {

  private final PlanSource plans;
  private final PopulationReader population;
  private final SampleStore tasks;
  private final AdhocOrderStore orders;
  private final InspectionQueue queue;
  private final TaskLists taskLists;
  private final AssignmentAlerts alerts;
  private final AdhocVerification verification;

  public AdhocOrders(PlanSource plans, PopulationReader population, PeriodSecrets secrets, SampleStore tasks,
      AdhocOrderStore orders, InspectionQueue queue, TaskLists taskLists, AssignmentAlerts alerts) {
    this.plans = plans;
    this.population = population;
    this.tasks = tasks;
    this.orders = orders;
    this.queue = queue;
    this.taskLists = taskLists;
    this.alerts = alerts;
    this.verification = new AdhocVerification(tasks, orders, population, secrets);
  }

  /** @throws io.qualityhub.sampling.domain.InvalidAdhocOrderException when the order cannot be carried out as given */
  public AdhocOutcome order(AdhocOrder order) {
    Period period = order.period();
    Optional<AdhocOrderRecord> before = orders.get(period, order.orderId());
    AdhocOrderRecord record;
    List<InspectionTask> ordered;
    if (before.isPresent()) {
      record = before.get();
      ordered = verification.recompute(record);
    } else {
      Decision decision = decide(order);
      record = decision.record();
      ordered = decision.tasks();
      orders.putIfAbsent(record); // the order is committed before any of its tasks
    }
    int created = 0;
    List<InspectionTask> newlyUnassigned = new ArrayList<>();
    for (InspectionTask task : ordered) {
      if (tasks.putTaskIfAbsent(task)) {
        created++;
        if (!task.assignment().assigned()) {
          newlyUnassigned.add(task);
        }
      }
    }
    if (!newlyUnassigned.isEmpty()) {
      alerts.unassigned(period, record.roster(), newlyUnassigned);
    }
    int sent = 0;
    List<InspectionTask> periodTasks = new ArrayList<>();
    List<InspectionTask> stored = new ArrayList<>();
    for (SampleStore.StoredTask task : tasks.tasks(period)) {
      periodTasks.add(task.task());
      if (ofOrder(task.task(), order.orderId())) {
        stored.add(task.task());
        if (!task.queued()) {
          queue.send(task.task());
          tasks.markQueued(task.task());
          sent++;
        }
      }
    }
    List<String> lists = taskLists.write(period, periodTasks);
    stored.sort(Comparator.comparing(InspectionTask::record));
    return new AdhocOutcome(order.orderId(), stored, created, sent, lists, before.isPresent());
  }

  private static boolean ofOrder(InspectionTask task, String orderId) {
    return AdhocVerification.ofOrder(task, orderId);
  }

  private record Decision(AdhocOrderRecord record, List<InspectionTask> tasks) {}

  /** A new order decided: the plan in force for its period, the latest roster, the inspectors' loads now. */
  private Decision decide(AdhocOrder order) {
    Period period = order.period();
    Optional<SampleHeader> header = tasks.header(period);
    String planJson = header.map(SampleHeader::planJson).orElseGet(plans::packagedJsonText);
    String overrideJson = header.isPresent() ? header.get().planOverrideJson() : plans.overrideJsonText();
    Map<String, Integer> held = new TreeMap<>();
    for (SampleStore.StoredTask stored : tasks.tasks(period)) {
      String first = stored.task().assignment().inspectorId();
      String second = stored.task().assignment().secondInspectorId();
      if (first != null) {
        held.merge(first, 1, Integer::sum);
      }
      if (second != null) {
        held.merge(second, 1, Integer::sum);
      }
    }
    Population candidates = population.readBranch(period, order.recordType(), order.branch(), order.count() > 0);
    SamplingPlan plan = PlanSource.of(planJson, overrideJson);
    List<InspectionTask> ordered = verification.assign(order, plan, candidates, candidates.roster(), held);
    return new Decision(new AdhocOrderRecord(order, plan.version(), planJson, overrideJson, candidates.roster(), held,
        ordered.stream().map(InspectionTask::taskId).toList()), ordered);
  }
}
