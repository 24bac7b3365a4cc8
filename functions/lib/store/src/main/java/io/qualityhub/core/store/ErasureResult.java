package io.qualityhub.core.store;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure did. Holds ids, object keys and counts only: never a value, never a blind-index term.
 *
 * @param requestId a random id, the only name the erasure is recorded under
 * @param erasedAt when the request was started
 * @param itemsErased row items of the customer's records whose sensitive values are now gone
 * @param itemsFailingIntegrity of those, items that already failed their integrity check: erased
 *     all the same, and left without a tag so that reads keep flagging them
 * @param linkedItemsErased row items of records linked to the customer's (follow-ups and surveys of
 *     their policies, complaints concerning their policies or claims) whose free text is now gone
 * @param statesCleaned latest-state items of the customer's records that carried a personal
 *     attribute and were rewritten without it
 * @param uploadsRewritten upload keys given a new version without the customer's rows
 * @param uploadVersionsDeleted upload versions that held the customer's rows, now deleted
 * @param uploadsHoldingValues uploads that still hold values in clear, and why
 * @param uploadsAwaitingIntake upload keys whose rewritten version intake has not taken yet: while
 *     any is listed, the erasure is not complete; run it again
 * @param resumed whether this call went on with an erasure an earlier call had started
 */
public record ErasureResult(String requestId, Instant erasedAt, int itemsErased, int itemsFailingIntegrity,
    int linkedItemsErased, int statesCleaned, int uploadsRewritten, int uploadVersionsDeleted,
    List<String> uploadsHoldingValues, List<String> uploadsAwaitingIntake, boolean resumed) {

  public ErasureResult {
    uploadsHoldingValues = List.copyOf(uploadsHoldingValues);
    uploadsAwaitingIntake = List.copyOf(uploadsAwaitingIntake);
  }

  public boolean completed() {
    return uploadsAwaitingIntake.isEmpty();
  }
}
