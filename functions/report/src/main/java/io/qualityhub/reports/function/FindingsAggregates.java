package io.qualityhub.reports.function;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.InspectionTaskFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored per-file aggregates plus the findings: inspections and corrective actions, counted from their latest
 * state in the findings function's indexes ({@link TrackedInspections}, {@link TrackedActions}) rather than from the
 * findings files. A later findings file restates an inspection to report its action done, which must change the
 * action's status, not count the inspection or the action again. Each inspection counts once, on the day it was
 * done, at its latest result; each action once, on the day it was raised, with the status it has now; each
 * inspection task once, on its due day, done or not (coverage); all in an aggregate of their own per branch and day.
 */
final class FindingsAggregates implements AggregateSource {

  private final AggregateSource stored;
  private final Set<String> knownBranches;
  private final TrackedInspections inspections;
  private final TrackedActions actions;
  private LocalDate lastFrom;
  private LocalDate lastTo;
  private List<DailyAggregate> lastRead;

  /** @param knownBranches every branch that ever sent a file, asked besides those with data in the span */
  FindingsAggregates(AggregateSource stored, Set<String> knownBranches, TrackedInspections inspections,
      TrackedActions actions) {
    this.stored = stored;
    this.knownBranches = knownBranches;
    this.inspections = inspections;
    this.actions = actions;
  }


  /**
   * The span's aggregates. The answer for the last span asked is kept: a scheduled order builds the company report
   * and one per branch over the same span, which is then read once, not once per report. Use one instance per order.
   */
  @Override
  public List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive) {
    if (!from.equals(lastFrom) || !toInclusive.equals(lastTo)) {
      lastRead = List.copyOf(read(from, toInclusive));
      lastFrom = from;
      lastTo = toInclusive;
    }
    return lastRead;
  }

  private List<DailyAggregate> read(LocalDate from, LocalDate toInclusive) {
    List<DailyAggregate> aggregates = new ArrayList<>(stored.aggregatesBetween(from, toInclusive));
    Map<AggregateKey, AggregateAccumulator> byBranchAndDay = new HashMap<>();
    Set<String> branches = new TreeSet<>(knownBranches);
    aggregates.forEach(aggregate -> branches.addAll(aggregate.byBranch().keySet()));
    for (String branch : branches) {
      for (TrackedInspections.Inspected inspected : inspections.inspectedBetween(branch, from, toInclusive)) {
        accumulator(byBranchAndDay, branch, inspected.inspectedOn()).accept(inspected.fact());
      }
      for (InspectionTaskFact task : inspections.tasksDueBetween(branch, from, toInclusive)) {
        accumulator(byBranchAndDay, branch, task.dueOn()).accept(task);
      }
      for (TrackedActions.Raised action : actions.raisedBetween(branch, from, toInclusive)) {
        accumulator(byBranchAndDay, branch, action.raisedOn()).accept(action.fact());
      }
    }
    byBranchAndDay.values().forEach(accumulator -> aggregates.add(accumulator.toAggregate()));
    return aggregates;
  }

  /** The findings of one branch and day, in a slot no upload has: uploads of findings come from branch QA. */
  private static AggregateAccumulator accumulator(Map<AggregateKey, AggregateAccumulator> byBranchAndDay, String branch,
      LocalDate day) {
    return byBranchAndDay.computeIfAbsent(new AggregateKey(branch, day, AggregateOrigin.of(RecordType.FINDINGS), 0), AggregateAccumulator::new);
  }
}
