package io.qualityhub.core.parse;

import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed row as one line of text, so a test can write out every row it expects: {@code line values}, values in the
 * record type's column order with {@code -} for an absent one, then the branch and the value problems the reader saw;
 * or {@code line REASON [column] detail} for a row that could not be read.
 */
final class RowText {

  private RowText() {}

  static String of(RecordType type, ParsedRow row) {
    if (row.isBroken()) {
      return row.line() + " " + row.structuralProblem() + " [" + row.problemColumn() + "] " + row.problemDetail();
    }
    StringBuilder text = new StringBuilder().append(row.line()).append(' ');
    for (int i = 0; i < row.values().length; i++) {
      text.append(i == 0 ? "" : "|").append(row.values()[i] == null ? "-" : row.values()[i]);
    }
    if (row.branch() != null) {
      text.append(" branch=").append(row.branch());
    }
    if (row.valueProblems() != null) {
      for (int i = 0; i < row.valueProblems().length; i++) {
        if (row.valueProblems()[i] != null) {
          text.append(' ').append(type.column(i).name()).append('=').append(row.valueProblems()[i]);
        }
      }
    }
    return text.toString();
  }

  /** Every row up to the end, then closes the reader. */
  static List<String> all(RecordType type, RowReader rows) throws IOException, FileRefusedException {
    List<String> seen = new ArrayList<>();
    try (rows) {
      ParsedRow row;
      while ((row = rows.next()) != null) {
        seen.add(of(type, row));
      }
    }
    return seen;
  }
}
