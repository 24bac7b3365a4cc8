package io.qualityhub.intake;

/** How intake ended for one uploaded object. */
public enum FileStatus {
  /** Validated; its good rows are stored and it is the current version of its file. */
  PROCESSED,
  /** Refused as a whole (bad key, empty, unreadable, bad header); nothing stored. */
  REFUSED,
  /** A newer upload of the same key was already current; this one's rows were withdrawn. */
  SUPERSEDED,
  /**
   * Not finished: its rows are written up to a checkpoint and the rest is left to a continuation (decision 0017).
   * Not current yet: readers see none of its rows.
   */
  CONTINUED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
