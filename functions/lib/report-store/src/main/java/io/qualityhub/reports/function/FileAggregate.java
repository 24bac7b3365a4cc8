package io.qualityhub.reports.function;

import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.report.ProblemItem;
import java.util.List;

/**
 * What one upload contributes to reports: its aggregate, and the ids of the items behind a
 * problem that it counted (claims settled late, complaints resolved late), for special reports.
 */
record FileAggregate(DailyAggregate aggregate, List<ProblemItem> problems) {

  /** Per file; a file with more keeps the first ones (the counts in the aggregate stay exact). */
  static final int MAX_PROBLEMS = 1000;

  static final String SETTLED_LATE = "settled_late";
  static final String RESOLVED_LATE = "resolved_late";

  FileAggregate {
    problems = List.copyOf(problems);
  }
}
