package io.qualityhub.core.store;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure did. Holds ids and counts only.
 *
 * @param itemsErased row items whose sensitive values are now gone from the table
 * @param itemsFailingIntegrity of those, items that already failed their integrity check: erased
 *     all the same, and left without a tag so that reads keep flagging them
 * @param uploadsHoldingValues the uploaded objects (key and version) the erased rows came from:
 *     they still hold the values in clear until they are rewritten or expire
 */
public record ErasureResult(String requestId, Instant erasedAt, int itemsErased, int itemsFailingIntegrity,
    List<String> uploadsHoldingValues) {

  public ErasureResult {
    uploadsHoldingValues = List.copyOf(uploadsHoldingValues);
  }
}
