package io.qualityhub.intake;

import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.RecordItemMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes one generation's rows, given as the file's rows read again, in batches; for claims and complaints it can also
 * rebuild the states that came from a deleted row ({@link WithdrawnStates}). Call {@link #finish()} after the last row,
 * then close.
 */
final class RowRemoval implements AutoCloseable {

  private final RecordItemMapper rows;
  private final BatchItemWriter deletions;
  private final WithdrawnStates states;

  /** @param states rebuilds the states of deleted rows, or {@code null} when no state can come from them */
  RowRemoval(RecordItemMapper rows, BatchItemWriter deletions, WithdrawnStates states) {
    this.rows = rows;
    this.deletions = deletions;
    this.states = states;
  }

  void remove(String[] values) {
    Map<String, AttributeValue> rowKey = rows.keyOf(values);
    deletions.delete(rowKey);
    if (states != null) {
      states.add(rowKey.get(ItemKeys.PK).s(), rowKey.get(ItemKeys.SK).s());
    }
  }

  /** Rebuilds what the rows removed since the last rebuild call for; call once after the last row. */
  void finish() {
    if (states != null) {
      states.finish();
    }
  }

  @Override
  public void close() {
    deletions.close();
  }
}
