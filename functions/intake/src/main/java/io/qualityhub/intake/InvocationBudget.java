package io.qualityhub.intake;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Whether this invocation should hand the rest of a file to a continuation: asked between batches of rows, so a
 * file larger than one invocation can process stops at a checkpoint instead of being cut off by the timeout.
 */
@FunctionalInterface
public interface InvocationBudget {

  /** No limit: local runs and tests that give no Lambda context. */
  InvocationBudget UNLIMITED = () -> false;

  /** Lambda's clock: spent once fewer than {@code reserveMillis} are left for the steps after the rows. */
  static InvocationBudget of(Context context, long reserveMillis) {
    return context == null ? UNLIMITED : () -> context.getRemainingTimeInMillis() < reserveMillis;
  }

  boolean spent();
}
