package io.qualityhub.core.parse;

import io.qualityhub.core.format.RejectReason;

/**
 * One data row as read from a file, before validation.
 *
 * @param line the file line where the row starts (CSV header = line 1, JSON Lines first line = 1)
 * @param values values by the record type's column index; {@code null} where absent
 * @param valueProblems per column, a type problem the reader already saw (a JSON string where a
 *     boolean belongs, say), or {@code null}; the array itself is {@code null} when there is none
 * @param branch the row's optional {@code branch} value, or {@code null}
 * @param structuralProblem why the row could not be read at all, or {@code null}
 * @param problemColumn the column the structural problem concerns ("" for the row as a whole)
 * @param problemDetail words for the message (never the row's values)
 */
public record ParsedRow(
    int line,
    String[] values,
    RejectReason[] valueProblems,
    String branch,
    RejectReason structuralProblem,
    String problemColumn,
    String problemDetail) {

  static ParsedRow of(int line, String[] values, RejectReason[] valueProblems, String branch) {
    return new ParsedRow(line, values, valueProblems, branch, null, null, null);
  }

  static ParsedRow broken(int line, RejectReason reason, String column, String detail) {
    return new ParsedRow(line, null, null, null, reason, column, detail);
  }

  public boolean isBroken() {
    return structuralProblem != null;
  }
}
