package io.qualityhub.core.format;

/** Stable codes for files refused as a whole; like {@link RejectReason}, part of the contract with branch IT. */
public enum RefusalReason {
  INVALID_KEY,
  EMPTY_FILE,
  UNREADABLE_ENCODING,
  INVALID_HEADER,
  TOO_MANY_ROWS,
  FILE_TOO_LARGE,
  /**
   * The event names a branch uploader session ({@code branch-{CODE}}) of another branch than the
   * key's: a branch's credentials wrote under another branch's prefix. Nothing is stored.
   */
  UPLOADER_MISMATCH,
  /** Every attempt to process the file failed in intake itself; operators find the cause by the reference given. */
  UNPROCESSABLE,
  /**
   * The branch's manifest ({@code incoming/{branch}/{date}/manifest.json}) is itself unusable: too large, not JSON,
   * another branch or date, a field missing or out of range. The manifest in force before it stays in force.
   */
  INVALID_MANIFEST,
  /** The file's data rows or SHA-256 differ from what the day's manifest declares for it. */
  MANIFEST_MISMATCH,
  /** The day's manifest does not name the file. */
  NOT_IN_MANIFEST
}
