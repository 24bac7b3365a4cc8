package io.qualityhub.local;

import java.io.PrintStream;

/**
 * Progress of a long run on standard error, so standard output keeps only results: a bar redrawn in place
 * on a terminal, else one line at every tenth of the way (logs and CI stay readable).
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final String what;
  private final long total;
  private final boolean terminal;
  private long done;
  private int lastTenth = -1;

  Progress(PrintStream err, String what, long total) {
    this(err, what, total, System.console() != null && err == System.err);
  }

  Progress(PrintStream err, String what, long total, boolean terminal) {
    this.err = err;
    this.what = what;
    this.total = Math.max(total, 1);
    this.terminal = terminal;
  }

  /** Records one more item done. */
  void step() {
    done++;
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    if (terminal) {
      err.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
      if (done >= total) {
        err.println();
      }
      err.flush();
      return;
    }
    int tenth = (int) (10 * Math.min(done, total) / total);
    if (tenth != lastTenth && (tenth > lastTenth)) {
      lastTenth = tenth;
      err.println(what + ": " + done + "/" + total + " (" + (tenth * 10) + "%)");
    }
  }
}
