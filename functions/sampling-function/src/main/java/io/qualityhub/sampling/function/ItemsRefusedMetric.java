package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.store.IntegrityFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** A sample, task or action item refused for its seal: logged by item and check, and counted (alarm item-seal-refused). */
final class ItemsRefusedMetric implements IntegrityFailures {

  private static final Logger LOG = LoggerFactory.getLogger(ItemsRefusedMetric.class);

  @Override
  public void record(TamperedValueException failure) {
    LOG.error(failure.getMessage(), entry("item", failure.itemKey()), entry("check", failure.check().name()));
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.addMetric("ItemsRefused", 1, MetricUnit.COUNT);
    metrics.flush();
  }
}
