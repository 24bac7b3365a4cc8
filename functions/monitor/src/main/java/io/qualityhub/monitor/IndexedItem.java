package io.qualityhub.monitor;

import io.qualityhub.deadlines.OpenDeadline;
import java.util.List;

/**
 * A state item read from the open-deadline index, as the monitor works on it: its running clocks and the entry the
 * index moves, or why it could not be read (it stays in the index, read and reported again every run until rewritten).
 */
sealed interface IndexedItem {

  /** @param entry the index entry as read; only {@link DueIndex#advance} looks inside */
  record Readable(DueIndex.Entry entry, List<OpenDeadline> deadlines) implements IndexedItem {}

  /** @param problem what is wrong and with which item (its key, no value) */
  record Unreadable(String problem) implements IndexedItem {}
}
