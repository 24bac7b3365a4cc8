package io.qualityhub.core.format;

/**
 * Stable reason codes for rejected rows. Branch IT systems match on these names, so they are
 * part of the upload contract: add new ones, never rename.
 */
public enum RejectReason {
  MALFORMED_ROW("the row cannot be read: %s"),
  ROW_TOO_LARGE("the row is larger than 64 KiB"),
  UNKNOWN_COLUMN("key number %s of the object is not a column of this record type; fix its spelling"
      + " (names are case sensitive) or prefix custom columns with x_"),
  BRANCH_MISMATCH("the row names another branch than the one in the file's key"),
  MISSING_REQUIRED("required column '%s' is empty or absent"),
  INVALID_DATE("'%s' must be a date written YYYY-MM-DD"),
  INVALID_TIMESTAMP("'%s' must be an ISO-8601 timestamp with offset, e.g. 2026-11-24T09:30:00+08:00"),
  INVALID_BOOLEAN("'%s' must be Y or N in CSV, true or false in JSON Lines"),
  INVALID_AMOUNT("'%s' must be a non-negative amount with '.' and at most 2 decimals"),
  INVALID_CURRENCY("'%s' must be an ISO 4217 currency code such as TWD"),
  INVALID_SCORE("'%s' must be a whole number from 1 to 5"),
  INVALID_ENUM("'%s' must be one of: %s"),
  CONDITIONAL_REQUIRED("'%s' is required when %s"),
  CONDITIONAL_FORBIDDEN("'%s' must be empty when %s"),
  DATE_ORDER("'%s' must not be earlier than '%s'"),
  DUPLICATE_ID("this id already appeared earlier in the file (line %s)"),
  UNKNOWN_INSPECTION("no inspection task with this inspection_id exists"),
  INVALID_IDENTIFIER("'%s' must be an id of at most 128 characters in Unicode NFC, without control or format"
      + " characters (NUL, byte-order mark, zero-width or bidi controls)"),
  INVALID_TEXT("'%s' holds a NUL character or a lone UTF-16 surrogate; remove it"),
  INVALID_MONTH("'%s' must be a month written YYYY-MM"),
  INVALID_COUNT("'%s' must be a whole number from 0 to 999999999, digits only");

  private final String template;

  RejectReason(String template) {
    this.template = template;
  }

  /** A message for a person; built only from column names and rule text, never from the row's values. */
  public String message(Object... details) {
    return String.format(template, details);
  }
}
