package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.RepeatViolator;
import io.qualityhub.sampling.domain.RepeatViolators;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Repeat violators as the metric {@code RepeatViolators} (embedded metric format, on Lambda), which the alarm
 * {@code RepeatViolatorsAlarm} watches, and one warning naming the staff ids, their departments and where the list
 * is, for the quality head who answers it. Staff ids and counts only.
 */
final class RepeatViolatorsAlarm implements RepeatViolatorAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(RepeatViolatorsAlarm.class);

  private final boolean publishMetric;

  private RepeatViolatorsAlarm(boolean publishMetric) {
    this.publishMetric = publishMetric;
  }

  static RepeatViolatorsAlarm onLambda() {
    return new RepeatViolatorsAlarm(true);
  }

  static RepeatViolatorsAlarm logOnly() {
    return new RepeatViolatorsAlarm(false);
  }

  @Override
  public void flagged(Period period, List<RepeatViolator> flagged, String listKey) {
    if (publishMetric) {
      Metrics metrics = MetricsFactory.getMetricsInstance();
      metrics.addMetric("RepeatViolators", flagged.size(), MetricUnit.COUNT);
      metrics.flush();
    }
    LOG.warn("staff with " + RepeatViolators.MIN_VIOLATIONS + " or more violations in " + RepeatViolators.WINDOW_MONTHS
            + " months (policy III.4.3): focused training and supervision", entry("period", period.toString()),
        entry("repeatViolators", flagged.size()), entry("staffIds", RepeatViolators.staffIds(flagged)),
        entry("perDepartment", RepeatViolators.perDepartment(flagged)), entry("list", listKey));
  }
}
