package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.Roster;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Unassigned tasks as the metric {@code UnassignedInspectionTasks} (embedded metric format, on Lambda), which the
 * alarm {@code InspectionTasksUnassignedAlarm} watches, and one warning naming the task ids, for whoever answers it.
 */
final class UnassignedTasksAlarm implements AssignmentAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(UnassignedTasksAlarm.class);

  private final boolean publishMetric;

  private UnassignedTasksAlarm(boolean publishMetric) {
    this.publishMetric = publishMetric;
  }

  /** On Lambda, where Powertools has its metrics namespace from the environment. */
  static UnassignedTasksAlarm onLambda() {
    return new UnassignedTasksAlarm(true);
  }

  /** Local runs and tests: the warning only, as there is no CloudWatch to take the metric. */
  static UnassignedTasksAlarm logOnly() {
    return new UnassignedTasksAlarm(false);
  }

  @Override
  public void unassigned(Period period, Roster roster, List<InspectionTask> tasks) {
    if (publishMetric) {
      Metrics metrics = MetricsFactory.getMetricsInstance();
      metrics.addMetric("UnassignedInspectionTasks", tasks.size(), MetricUnit.COUNT);
      metrics.flush();
    }
    LOG.warn("inspection tasks have no eligible inspector; upload a roster that covers them",
        entry("period", period.toString()), entry("unassigned", tasks.size()),
        entry("rosterDate", roster.uploaded() ? roster.businessDate().toString() : "none"),
        entry("taskIds", tasks.stream().map(InspectionTask::taskId).toList()));
  }
}
