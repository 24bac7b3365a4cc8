package io.qualityhub.intake;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.BatchItemWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the states of claims and complaints whose state came from a row a re-upload withdrew. The withdrawn rows
 * are collected as they are deleted and checked {@value IntakeLedger#MAX_STATES_PER_READ} records at a time with
 * one BatchGetItem, rather than one GetItem per row, so a re-upload of a large file reads its old states in a
 * hundredth of the requests.
 */
final class WithdrawnStates {

  private record WithdrawnRow(String recordPk, String rowSk) {
  }

  private final IntakeLedger ledger;
  private final BatchItemWriter deletions;
  private final RecordType type;
  private final List<WithdrawnRow> rows = new ArrayList<>();
  private final Set<String> records = new HashSet<>();

  /** @param deletions the writer deleting the withdrawn rows, flushed before any rebuild */
  WithdrawnStates(IntakeLedger ledger, BatchItemWriter deletions, RecordType type) {
    this.ledger = ledger;
    this.deletions = deletions;
    this.type = type;
  }

  void add(String recordPk, String rowSk) {
    rows.add(new WithdrawnRow(recordPk, rowSk));
    records.add(recordPk);
    if (records.size() == IntakeLedger.MAX_STATES_PER_READ) {
      rebuild();
    }
  }

  /** Rebuilds what the rows added since the last rebuild call for; call once after the last row. */
  void finish() {
    if (!rows.isEmpty()) {
      rebuild();
    }
  }

  private void rebuild() {
    Map<String, String> sources = ledger.stateSources(records);
    List<WithdrawnRow> pointedAt = rows.stream().filter(row -> row.rowSk().equals(sources.get(row.recordPk()))).toList();
    if (!pointedAt.isEmpty()) {
      deletions.flush(); // a rebuild must not pick a row whose deletion is still buffered
      pointedAt.forEach(row -> ledger.rebuildState(row.recordPk(), row.rowSk(), type));
    }
    rows.clear();
    records.clear();
  }
}
