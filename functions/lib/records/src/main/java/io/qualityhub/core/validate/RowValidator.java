package io.qualityhub.core.validate;

import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.ColumnType;
import io.qualityhub.core.format.CrossFieldRule;
import io.qualityhub.core.format.CrossFieldRule.ForbiddenUnless;
import io.qualityhub.core.format.CrossFieldRule.NotBefore;
import io.qualityhub.core.format.CrossFieldRule.RequiredWhen;
import io.qualityhub.core.format.CrossFieldRule.RequiredWith;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RejectReason;
import io.qualityhub.core.parse.ParsedRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Checks one row against its record type: structure, branch, each column in the format page's
 * order, then the cross-field rules. Returns the first problem, so each bad row gets one reject
 * whose reason is the first thing branch IT has to fix.
 */
public final class RowValidator {

  private final RecordType type;
  private final String branch;

  /** @param branch the branch of the file's key, or {@code null} when unknown (offline checks of a loose file) */
  public RowValidator(RecordType type, String branch) {
    this.type = type;
    this.branch = branch;
  }

  /** The row's first problem, or {@code null} when the row is valid (duplicates are checked by {@link FileScanner}). */
  public Reject check(ParsedRow row) {
    if (row.isBroken()) {
      return reject(row, row.problemColumn(), row.structuralProblem(), row.problemDetail());
    }
    if (branch != null && row.branch() != null && !row.branch().equals(branch)) {
      return reject(row, RecordType.BRANCH_COLUMN, RejectReason.BRANCH_MISMATCH);
    }
    String[] values = row.values();
    List<Column> columns = type.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      RejectReason seenByReader = row.valueProblems() == null ? null : row.valueProblems()[i];
      if (seenByReader != null) {
        return typeReject(row, column, seenByReader);
      }
      String value = values[i];
      if (value == null) {
        if (column.required()) {
          return reject(row, column.name(), RejectReason.MISSING_REQUIRED, column.name());
        }
      } else if (!ValueChecks.isValid(column, value)) {
        return typeReject(row, column, column.type().invalidReason());
      }
    }
    for (CrossFieldRule rule : type.rules()) {
      Reject broken = checkRule(row, rule);
      if (broken != null) {
        return broken;
      }
    }
    return null;
  }

  private Reject checkRule(ParsedRow row, CrossFieldRule rule) {
    return switch (rule) {
      case RequiredWhen r -> value(row, r.column()) == null && r.whenValues().contains(value(row, r.whenColumn()))
          ? reject(row, r.column(), RejectReason.CONDITIONAL_REQUIRED, r.column(), condition(r.whenColumn(), r.whenValues()))
          : null;
      case RequiredWith r -> value(row, r.column()) == null && value(row, r.presentColumn()) != null
          ? reject(row, r.column(), RejectReason.CONDITIONAL_REQUIRED, r.column(), r.presentColumn() + " is given")
          : null;
      case ForbiddenUnless r -> value(row, r.column()) != null && !r.allowedValues().contains(value(row, r.whenColumn()))
          ? reject(row, r.column(), RejectReason.CONDITIONAL_FORBIDDEN, r.column(),
              r.whenColumn() + " is not " + String.join(" or ", sorted(r.allowedValues())))
          : null;
      case NotBefore r -> isEarlier(row, r.column(), r.earlierColumn())
          ? reject(row, r.column(), RejectReason.DATE_ORDER, r.column(), r.earlierColumn())
          : null;
    };
  }

  private boolean isEarlier(ParsedRow row, String laterColumn, String earlierColumn) {
    String later = value(row, laterColumn);
    String earlier = value(row, earlierColumn);
    if (later == null || earlier == null) {
      return false;
    }
    boolean laterIsDate = type.column(type.indexOf(laterColumn)).type() == ColumnType.DATE;
    boolean earlierIsDate = type.column(type.indexOf(earlierColumn)).type() == ColumnType.DATE;
    if (!laterIsDate && !earlierIsDate) {
      return ValueChecks.parseTimestamp(later).isBefore(ValueChecks.parseTimestamp(earlier));
    }
    return day(later, laterIsDate).isBefore(day(earlier, earlierIsDate));
  }

  /** A date, or the local date of a timestamp in its own offset (the day the branch meant). */
  private static LocalDate day(String value, boolean isDate) {
    if (isDate) {
      return ValueChecks.parseDate(value);
    }
    OffsetDateTime timestamp = ValueChecks.parseTimestamp(value);
    return timestamp.toLocalDate();
  }

  private String value(ParsedRow row, String column) {
    return row.values()[type.indexOf(column)];
  }

  private Reject typeReject(ParsedRow row, Column column, RejectReason reason) {
    if (reason == RejectReason.INVALID_ENUM) {
      return reject(row, column.name(), reason, column.name(), String.join(", ", column.allowed()));
    }
    if (reason == RejectReason.MALFORMED_ROW) {
      return reject(row, column.name(), reason, "'" + column.name() + "' holds a value of the wrong JSON kind");
    }
    return reject(row, column.name(), reason, column.name());
  }

  private static String condition(String column, java.util.Set<String> values) {
    return column + " is " + String.join(" or ", sorted(values));
  }

  private static List<String> sorted(java.util.Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static Reject reject(ParsedRow row, String column, RejectReason reason, Object... details) {
    return new Reject(row.line(), column, reason, reason.message(details));
  }
}
