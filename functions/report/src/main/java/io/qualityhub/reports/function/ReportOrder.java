package io.qualityhub.reports.function;

import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.ReportTopic;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * What the report function is asked for. The schedules send {@code {"schedule":"monthly"}} or
 * {@code {"schedule":"quarterly"}} (the company report of the month or quarter just ended, with one
 * report per branch); on demand, {@code {"period":"2026-11","scope":"company|branch:TPE-01",
 * "topic":"claims-timeliness"}} (topic optional) asks for one report.
 */
public record ReportOrder(ReportPeriod period, ReportScope scope, Optional<ReportTopic> topic, boolean withBranchReports) {

  private static final String BRANCH_PREFIX = "branch:";

  /** @param today the company's date when the order arrives, for the scheduled periods */
  public static ReportOrder parse(Map<String, ?> input, LocalDate today) {
    Object schedule = input.get("schedule");
    if (schedule != null) {
      YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
      return switch (schedule.toString()) {
        case "monthly" -> new ReportOrder(ReportPeriod.month(lastMonth), ReportScope.company(), Optional.empty(), true);
        case "quarterly" -> new ReportOrder(ReportPeriod.quarter(lastMonth.getYear(), (lastMonth.getMonthValue() - 1) / 3 + 1),
            ReportScope.company(), Optional.empty(), true);
        default -> throw new IllegalArgumentException("schedule '" + schedule + "' is not monthly or quarterly");
      };
    }
    Object period = input.get("period");
    if (period == null) {
      throw new IllegalArgumentException(
          "a report order needs \"period\" (2026-11, 2026-Q4 or 2026-11-01..2026-11-15) or \"schedule\" (monthly, quarterly)");
    }
    Object topic = input.get("topic");
    return new ReportOrder(ReportPeriod.parse(period.toString()), scope(input.get("scope")),
        topic == null ? Optional.empty() : Optional.of(ReportTopic.fromCode(topic.toString())), false);
  }

  private static ReportScope scope(Object value) {
    String text = value == null ? "company" : value.toString();
    if (text.equals("company")) {
      return ReportScope.company();
    }
    if (text.startsWith(BRANCH_PREFIX)) {
      return ReportScope.branch(text.substring(BRANCH_PREFIX.length()));
    }
    throw new IllegalArgumentException("scope '" + text + "' is not company or branch:{code} (e.g. branch:TPE-01)");
  }
}
