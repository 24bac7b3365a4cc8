package io.qualityhub.reports.function;

import io.qualityhub.core.format.ViolationSeverity;
import io.qualityhub.core.format.UnderwritingDecision;
import io.qualityhub.core.format.Sanction;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.RiskLevel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.FollowupOutcome;
import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.WireNamed;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.FollowupFact;
import io.qualityhub.reports.aggregate.PortfolioFact;
import io.qualityhub.reports.aggregate.SaleFact;
import io.qualityhub.reports.aggregate.SurveyFact;
import io.qualityhub.reports.aggregate.UnderwritingFact;
import io.qualityhub.reports.aggregate.ViolationFact;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces one accepted row (values by column index of its record type, as {@code FileScanner}
 * hands them over) to the non-sensitive fact the aggregates count. Only enum, boolean, date and
 * timestamp columns are read; sensitive and free-text columns are never touched.
 *
 * <p>Findings rows are not read here: inspections and corrective actions are counted from the findings
 * function's latest state (the report function's {@code FindingsAggregates}), not from the files that report them.
 */
final class FactReader {

  private final RecordType type;
  private final String branch;
  private final DeadlineVerdicts verdicts;

  FactReader(RecordType type, String branch, DeadlineVerdicts verdicts) {
    this.type = type;
    this.branch = branch;
    this.verdicts = verdicts;
  }

  Optional<Fact> read(String[] values) {
    Row row = new Row(type, values);
    return Optional.ofNullable(switch (type) {
      case SALES -> new SaleFact(
          row.enumValue("channel", SalesChannel.class),
          row.enumValue("product_line", ProductLine.class),
          row.flag("terms_given"), row.flag("risk_notice_given"), row.flag("customer_signed"),
          row.text("recording_id") != null);
      case UNDERWRITING -> new UnderwritingFact(
          row.enumValue("risk_level", RiskLevel.class),
          row.enumValue("decision", UnderwritingDecision.class),
          row.flag("standard_exception"));
      case FOLLOWUPS -> new FollowupFact(row.enumValue("outcome", FollowupOutcome.class));
      case CLAIMS -> claim(row);
      case COMPLAINTS -> complaint(row);
      case SURVEYS -> SurveyFact.of(row.score("sales_score"), row.score("underwriting_score"),
          row.score("claims_score"), row.score("enquiry_score"), row.score("overall_score"));
      case VIOLATIONS -> new ViolationFact(
          row.enumValue("department", Department.class),
          row.enumValue("severity", ViolationSeverity.class),
          row.enumValue("sanction", Sanction.class));
      case PORTFOLIO -> new PortfolioFact(YearMonth.parse(row.text("month")), Long.parseLong(row.text("policies_in_force")));
      case FINDINGS -> throw new IllegalArgumentException(
          "findings rows are not aggregated; inspections and corrective actions count from their latest state");
      case INSPECTORS -> throw new IllegalArgumentException(
          "the inspector roster is not aggregated; sampling reads it to assign tasks");
    });
  }

  /**
   * The days a record counts on, from its own dates (the local date of a timestamp in its own offset), whichever
   * day's file carried it: a sale by {@code sold_at}, an underwriting case by {@code received_at}, a follow-up by
   * {@code visited_on}, a survey by {@code surveyed_on}, a violation by {@code occurred_on}, a claim as settled by
   * {@code closed_at}, a complaint as received by {@code received_at} and as resolved by {@code resolved_at}.
   */
  Set<LocalDate> countingDays(String[] values) {
    Row row = new Row(type, values);
    Set<LocalDate> days = new TreeSet<>();
    switch (type) {
      case SALES -> days.add(row.timestamp("sold_at").toLocalDate());
      case UNDERWRITING -> days.add(row.timestamp("received_at").toLocalDate());
      case FOLLOWUPS -> days.add(LocalDate.parse(row.text("visited_on")));
      case SURVEYS -> days.add(LocalDate.parse(row.text("surveyed_on")));
      case VIOLATIONS -> days.add(LocalDate.parse(row.text("occurred_on")));
      case CLAIMS -> Optional.ofNullable(row.timestamp("closed_at")).ifPresent(closed -> days.add(closed.toLocalDate()));
      case COMPLAINTS -> {
        days.add(row.timestamp("received_at").toLocalDate());
        Optional.ofNullable(row.timestamp("resolved_at")).ifPresent(resolved -> days.add(resolved.toLocalDate()));
      }
      case PORTFOLIO, FINDINGS, INSPECTORS -> throw new IllegalArgumentException(
          type.wireName() + " rows are not counted record by record");
    }
    return days;
  }

  private ClaimFact claim(Row row) {
    ClaimStatus status = row.enumValue("status", ClaimStatus.class);
    OffsetDateTime reportedAt = row.timestamp("reported_at");
    OffsetDateTime closedAt = row.timestamp("closed_at");
    boolean green = row.flag("green_channel");
    ClaimFact unjudged = new ClaimFact(row.enumValue("complexity", Complexity.class), green, status,
        reportedAt, closedAt, null);
    if (!unjudged.settled()) {
      return unjudged;
    }
    OffsetDateTime documentsComplete = row.timestamp("documents_complete_at");
    boolean onTime = verdicts.claimSettledOnTime(branch, row.text("product_line"), row.text("complexity"), green,
        reportedAt.toInstant(), documentsComplete == null ? null : documentsComplete.toInstant(), closedAt.toInstant());
    return new ClaimFact(unjudged.complexity(), green, status, reportedAt, closedAt, onTime);
  }

  private ComplaintFact complaint(Row row) {
    ComplaintSeverity severity = row.enumValue("severity", ComplaintSeverity.class);
    OffsetDateTime receivedAt = row.timestamp("received_at");
    OffsetDateTime resolvedAt = row.timestamp("resolved_at");
    if (resolvedAt == null) {
      return new ComplaintFact(severity, receivedAt, null, null, null);
    }
    OffsetDateTime firstResponse = row.timestamp("first_response_at");
    String wireSeverity = row.text("severity");
    return new ComplaintFact(severity, receivedAt, resolvedAt,
        verdicts.complaintFirstResponseOnTime(branch, wireSeverity, receivedAt.toInstant(),
            firstResponse == null ? null : firstResponse.toInstant(), resolvedAt.toInstant()),
        verdicts.complaintResolvedOnTime(branch, wireSeverity, receivedAt.toInstant(), resolvedAt.toInstant()));
  }

  /** Typed access to an accepted row; the scanner has already checked every value's form. */
  private record Row(RecordType type, String[] values) {

    String text(String column) {
      return values[type.indexOf(column)];
    }

    boolean flag(String column) {
      return "Y".equals(text(column));
    }

    Integer score(String column) {
      String value = text(column);
      return value == null ? null : Integer.valueOf(value);
    }

    OffsetDateTime timestamp(String column) {
      String value = text(column);
      return value == null ? null : OffsetDateTime.parse(value);
    }

    <E extends Enum<E> & WireNamed> E enumValue(String column, Class<E> kind) {
      return WireNamed.parse(kind, column, text(column));
    }
  }
}
