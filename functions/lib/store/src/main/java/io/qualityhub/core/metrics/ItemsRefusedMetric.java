package io.qualityhub.core.metrics;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.store.IntegrityFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An item refused for its seal (a state, due entry, sample, task, action or aggregate): logged by item key and check,
 * never a value, and counted as {@code ItemsRefused} (alarm item-seal-refused).
 */
public final class ItemsRefusedMetric implements IntegrityFailures {

  private static final Logger LOG = LoggerFactory.getLogger(ItemsRefusedMetric.class);

  @Override
  public void record(TamperedValueException failure) {
    LOG.error(failure.getMessage(), entry("item", failure.itemKey()), entry("check", failure.check().name()));
    FunctionMetrics.publish("ItemsRefused", 1);
  }
}
