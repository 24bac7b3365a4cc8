package io.qualityhub.core.format;

/** The value types of the upload format; each knows the reject reason its malformed values get. */
public enum ColumnType {
  /** Free text: anything but NUL and lone surrogates, which storage and encryption cannot keep as sent. */
  TEXT(RejectReason.INVALID_TEXT),
  /**
   * An id that names or refers to a record: short, NFC, no control or format characters, so one
   * id is one record and every key built from it fits DynamoDB's limits.
   */
  IDENTIFIER(RejectReason.INVALID_IDENTIFIER),
  DATE(RejectReason.INVALID_DATE),
  TIMESTAMP(RejectReason.INVALID_TIMESTAMP),
  BOOLEAN(RejectReason.INVALID_BOOLEAN),
  AMOUNT(RejectReason.INVALID_AMOUNT),
  CURRENCY(RejectReason.INVALID_CURRENCY),
  SCORE(RejectReason.INVALID_SCORE),
  ENUM(RejectReason.INVALID_ENUM),
  /** A calendar month, YYYY-MM. */
  MONTH(RejectReason.INVALID_MONTH),
  /** A whole number of things, 0 or more, digits only. */
  COUNT(RejectReason.INVALID_COUNT);

  private final RejectReason invalidReason;

  ColumnType(RejectReason invalidReason) {
    this.invalidReason = invalidReason;
  }

  /** The reason a value that does not parse as this type is rejected with. */
  public RejectReason invalidReason() {
    return invalidReason;
  }
}
