package io.qualityhub.intake;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** CloudWatch metrics (embedded metric format) for each file: what alarms and dashboards watch. */
final class IntakeMetrics {

  private IntakeMetrics() {}

  static void publish(FileOutcome outcome) {
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.addMetric("Files" + capitalised(outcome.status().wireName()), 1, MetricUnit.COUNT);
    metrics.addMetric("RowsAccepted", outcome.accepted(), MetricUnit.COUNT);
    metrics.addMetric("RowsRejected", outcome.rejected(), MetricUnit.COUNT);
    metrics.flush();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
