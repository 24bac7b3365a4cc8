package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.reports.report.ProblemItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileAggregateTest {

  @Test
  void aFileOfLongIdsKeepsItsFirstProblemsUpToWhatTheAggregatesItemHolds() {
    FileAggregate.Problems problems = new FileAggregate.Problems();
    for (int i = 0; i < 1000; i++) {
      problems.add(String.format("%03d", i) + "理賠案件編號".repeat(20) + "甲乙丙丁戊", FileAggregate.SETTLED_LATE);
    }
    // Each kept as "settled_late " (13 bytes) and 128 characters (3 + 125 x 3 = 378 bytes): 391 bytes; 160 KiB holds 419.
    List<ProblemItem> kept = problems.items();
    assertEquals(419, kept.size());
    assertEquals("418" + "理賠案件編號".repeat(20) + "甲乙丙丁戊", kept.getLast().itemId());
  }

  @Test
  void shortIdsAreKeptUpToTheCountCap() {
    FileAggregate.Problems problems = new FileAggregate.Problems();
    for (int i = 0; i < 1200; i++) {
      problems.add("C-" + i, FileAggregate.RESOLVED_LATE);
    }
    assertEquals(1000, problems.items().size());
    assertEquals("C-999", problems.items().getLast().itemId());
  }
}
