package io.qualityhub.local;

import java.io.PrintStream;

/**
 * Progress of a long run on standard error, so standard output keeps only results: a bar, only when standard error
 * is a terminal, else one line at every tenth of the way (logs and CI stay readable and free of bars).
 *
 * <p>Java cannot tell whether standard error is a terminal ({@code System.console()} speaks for standard input and
 * output, and since JDK 22 exists even when they are redirected): the launcher, {@code ./qualityhub}, tests it and
 * says so in the system property {@value #TERMINAL_PROPERTY}.
 */
public final class Progress {

  /** Set to {@code true} by the launcher when standard error is a terminal and {@code CI} is not set. */
  public static final String TERMINAL_PROPERTY = "qualityhub.stderr.terminal";

  private static final int WIDTH = 30;
  private static final String CLEAR_TO_END_OF_LINE = "\033[K";

  private final PrintStream err;
  private final String what;
  private final long total;
  private final boolean terminal;
  private final boolean inPlace;
  private long done;
  private int lastTenth = -1;

  /** A bar redrawn in place: for runs that print nothing else while they go (uploads, redrives). */
  public Progress(PrintStream err, String what, long total) {
    this(err, what, total, err == System.err && Boolean.getBoolean(TERMINAL_PROPERTY), true);
  }

  Progress(PrintStream err, String what, long total, boolean terminal) {
    this(err, what, total, terminal, true);
  }

  Progress(PrintStream err, String what, long total, boolean terminal, boolean inPlace) {
    this.err = err;
    this.what = what;
    this.total = Math.max(total, 1);
    this.terminal = terminal;
    this.inPlace = inPlace;
  }

  /**
   * A bar drawn once a line, for runs whose steps print results of their own in between (the demo's steps, benchmark
   * runs): a bar redrawn in place would be broken by their lines.
   */
  public static Progress ofSteps(PrintStream err, String what, long total) {
    return new Progress(err, what, total, err == System.err && Boolean.getBoolean(TERMINAL_PROPERTY), false);
  }

  /** Records one more item done. */
  public void step() {
    step("");
  }

  /** Records one more item done, with a note of what it was (shown beside the bar, or the tenth's line). */
  public void step(String note) {
    done++;
    String suffix = note.isEmpty() ? "" : " " + note;
    if (terminal) {
      int filled = (int) (WIDTH * Math.min(done, total) / total);
      String bar = what + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + suffix;
      if (inPlace) {
        err.print("\r" + bar + CLEAR_TO_END_OF_LINE);
        if (done >= total) {
          err.println();
        }
      } else {
        err.println(bar);
      }
      err.flush();
      return;
    }
    int tenth = (int) (10 * Math.min(done, total) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.println(what + ": " + done + "/" + total + " (" + (tenth * 10) + "%)" + suffix);
    }
  }
}
