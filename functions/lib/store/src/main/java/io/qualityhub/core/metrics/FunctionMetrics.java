package io.qualityhub.core.metrics;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The counts one run of a function publishes, what dashboards and alarms watch. On Lambda they go out in the
 * embedded metric format, where Powertools takes the namespace ({@code POWERTOOLS_METRICS_NAMESPACE}: QualityHub)
 * and the dimension {@code Service} ({@code POWERTOOLS_SERVICE_NAME}) from the function's environment. Local runs
 * and tests have no CloudWatch to take them: there the counts are one log line, {@code "metrics": {name: value}}.
 */
public final class FunctionMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(FunctionMetrics.class);

  /** Set by the Lambda runtime alone, never by template.yaml or the local run. */
  private static final boolean ON_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

  private FunctionMetrics() {}

  /** @param counts each metric's name and its count in this run */
  public static void publish(Map<String, ? extends Number> counts) {
    if (ON_LAMBDA) {
      Metrics metrics = MetricsFactory.getMetricsInstance();
      counts.forEach((name, count) -> metrics.addMetric(name, count.doubleValue(), MetricUnit.COUNT));
      metrics.flush();
    } else {
      LOG.info("metrics", entry("metrics", new TreeMap<>(counts)));
    }
  }

  /** One metric's count in this run. */
  public static void publish(String name, long count) {
    publish(Map.of(name, count));
  }
}
