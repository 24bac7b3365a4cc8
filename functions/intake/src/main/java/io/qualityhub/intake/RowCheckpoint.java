package io.qualityhub.intake;

/**
 * Where writing a file's rows resumes: after the last line an earlier invocation wrote and recorded on the file's
 * batch record (0: from the start), and the budget that tells this invocation when to stop (decision 0017).
 */
record RowCheckpoint(long writtenThroughLine, InvocationBudget budget) {

  /** The batch record's attribute holding the line of the last row written before a continuation. */
  static final String WRITTEN_THROUGH_LINE = "writtenThroughLine";

  /** Ends the rows' pass at a checkpoint just recorded: no row after {@code line} was written. */
  static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    Reached(long line) {
      super("stopped after line " + line + " for a continuation", null, false, false);
      this.line = line;
    }

    long line() {
      return line;
    }
  }
}
