package io.qualityhub.reports.function;

import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.report.ProblemItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one upload contributes to reports: its aggregate, and the ids of the items behind a
 * problem that it counted (claims settled late, complaints resolved late), for special reports.
 */
record FileAggregate(DailyAggregate aggregate, List<ProblemItem> problems) {

  /** Per file; a file with more keeps the first ones (the counts in the aggregate stay exact). */
  static final int MAX_PROBLEMS = 1000;
  /**
   * The stored problem entries' UTF-8 bytes per file: 1,000 ids of 128 Chinese characters would make 400 KB, more than
   * a DynamoDB item holds beside its aggregate, so a file of long ids keeps its first ones up to this size.
   */
  static final int MAX_PROBLEM_BYTES = 160 * 1024;

  static final String SETTLED_LATE = "settled_late";
  static final String RESOLVED_LATE = "resolved_late";

  FileAggregate {
    problems = List.copyOf(problems);
  }

  /** How a problem is kept in the aggregate's item: its reason code, a space, the id as uploaded. */
  static String stored(ProblemItem problem) {
    return problem.reason() + " " + problem.itemId();
  }

  /** The problems of one file as it is read, up to {@link #MAX_PROBLEMS} and {@link #MAX_PROBLEM_BYTES}. */
  static final class Problems {
    private final List<ProblemItem> items = new ArrayList<>();
    private int bytes;

    void add(String itemId, String reason) {
      ProblemItem problem = new ProblemItem(itemId, reason);
      int size = stored(problem).getBytes(StandardCharsets.UTF_8).length;
      if (items.size() < MAX_PROBLEMS && bytes + size <= MAX_PROBLEM_BYTES) {
        items.add(problem);
        bytes += size;
      }
    }

    List<ProblemItem> items() {
      return List.copyOf(items);
    }
  }
}
