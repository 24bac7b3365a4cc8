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

  /** One message failed because the blind-index key is missing or unreadable; the alarm BlindIndexKeyMissing watches it. */
  static void blindIndexKeyMissing() {
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.addMetric("BlindIndexKeyMissing", 1, MetricUnit.COUNT);
    metrics.flush();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
