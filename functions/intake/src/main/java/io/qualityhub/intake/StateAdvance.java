package io.qualityhub.intake;

import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.RecordItemMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Offers claims' or complaints' latest rows of one generation as their states, {@value IntakeLedger#MAX_STATES_PER_REQUEST}
 * records per request ({@link IntakeLedger#advanceStates}), until a newer upload of the file has become current: that
 * upload's states stand. Call {@link #finish()} after the last row.
 */
final class StateAdvance {

  private final IntakeLedger ledger;
  private final UploadKey key;
  private final String generation;
  private final RecordItemMapper states;
  private final List<Map<String, AttributeValue>> batch = new ArrayList<>(IntakeLedger.MAX_STATES_PER_REQUEST);
  private boolean current = true;

  StateAdvance(IntakeLedger ledger, UploadKey key, String generation) {
    this.ledger = ledger;
    this.key = key;
    this.generation = generation;
    this.states = new RecordItemMapper(ledger.table(), key, generation, null, null, null);
  }

  /** Whether the generation was still current at the last request: once it is not, rows offered are ignored. */
  boolean stillCurrent() {
    return current;
  }

  /** Offers a record's latest row of the file as its state. */
  void offer(String[] values) {
    if (!current) {
      return;
    }
    batch.add(states.toStateItem(values));
    if (batch.size() == IntakeLedger.MAX_STATES_PER_REQUEST) {
      current = ledger.advanceStates(key, generation, batch);
      batch.clear();
    }
  }

  void finish() {
    if (current) {
      ledger.advanceStates(key, generation, batch);
      batch.clear();
    }
  }
}
