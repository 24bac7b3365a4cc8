package io.qualityhub.monitor;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** CloudWatch metrics (embedded metric format) of each run: what dashboards and alarms watch. */
final class MonitorMetrics {

  private MonitorMetrics() {}

  /** @param namespace the function's {@code POWERTOOLS_METRICS_NAMESPACE}, given so that local runs need no process environment */
  static void publish(MonitorRun run, int calendarCoverageProblems, long calendarCoverageDaysLeft, String namespace) {
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.setNamespace(namespace);
    MonitorRun.Counts counts = run.counts();
    metrics.addMetric("ItemsRead", counts.itemsRead(), MetricUnit.COUNT);
    metrics.addMetric("AlertsDue", counts.alertsDue(), MetricUnit.COUNT);
    metrics.addMetric("AlertsSent", counts.alertsSent(), MetricUnit.COUNT);
    metrics.addMetric("AlertsHeld", counts.alertsHeld(), MetricUnit.COUNT);
    metrics.addMetric("DigestsSent", run.digests().size(), MetricUnit.COUNT);
    metrics.addMetric("TopicMessages", counts.topicMessages(), MetricUnit.COUNT);
    metrics.addMetric("MissingRecipients", run.missingRecipients().size(), MetricUnit.COUNT);
    metrics.addMetric("RunProblems", run.problems().size(), MetricUnit.COUNT);
    metrics.addMetric("ItemsRefused", counts.itemsRefused(), MetricUnit.COUNT);
    metrics.addMetric("CalendarCoverageProblems", calendarCoverageProblems, MetricUnit.COUNT);
    // Days until some country's holidays are no longer listed; alarmed at 60 or fewer (CalendarCoverageEndingAlarm).
    metrics.addMetric("CalendarCoverageDaysLeft", calendarCoverageDaysLeft, MetricUnit.COUNT);
    metrics.flush();
  }
}
