package io.qualityhub.core.format;

/** The value types of the upload format; each knows the reject reason its malformed values get. */
public enum ColumnType {
  TEXT(null),
  DATE(RejectReason.INVALID_DATE),
  TIMESTAMP(RejectReason.INVALID_TIMESTAMP),
  BOOLEAN(RejectReason.INVALID_BOOLEAN),
  AMOUNT(RejectReason.INVALID_AMOUNT),
  CURRENCY(RejectReason.INVALID_CURRENCY),
  SCORE(RejectReason.INVALID_SCORE),
  ENUM(RejectReason.INVALID_ENUM);

  private final RejectReason invalidReason;

  ColumnType(RejectReason invalidReason) {
    this.invalidReason = invalidReason;
  }

  /** The reason a value that does not parse as this type is rejected with; {@code null} for free text. */
  public RejectReason invalidReason() {
    return invalidReason;
  }
}
