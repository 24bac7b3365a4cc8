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

  /**
   * Lambda's clock: spent once fewer than {@code reserveMillis} are left for the steps after the rows. The reserve
   * never exceeds half of what the invocation had when it started, so a reserve set at or above the timeout cannot
   * make every invocation hand its file on untouched, forever.
   */
  static InvocationBudget of(Context context, long reserveMillis) {
    if (context == null) {
      return UNLIMITED;
    }
    long reserve = Math.min(reserveMillis, context.getRemainingTimeInMillis() / 2);
    return () -> context.getRemainingTimeInMillis() < reserve;
  }

  boolean spent();
}
